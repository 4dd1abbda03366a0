package org.gongjian.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One line of the audit trail. */
record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
                  @Nullable String entityId, @Nullable String before, @Nullable String after,
                  @Nullable String clientAddress) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One field as it was and as it became; for a creation "before" is empty. */
    record Change(String field, String before, String after) {}

    /**
     * The fields that differ between before and after, so an administrator reads "name: 甲镇 → 城关镇" instead of
     * two JSON documents. Non-object states show as a single "value" field.
     */
    public List<Change> changes() {
        Map<String, String> from = flatten(before);
        Map<String, String> to = flatten(after);
        Set<String> fields = new LinkedHashSet<>(from.keySet());
        fields.addAll(to.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String a = from.getOrDefault(field, "");
            String b = to.getOrDefault(field, "");
            if (!Objects.equals(a, b)) {
                changes.add(new Change(field, a, b));
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(@Nullable String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return fields;
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    fields.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString());
                }
            } else {
                fields.put("value", node.isValueNode() ? node.asString() : node.toString());
            }
        } catch (RuntimeException e) {
            fields.put("value", json);
        }
        return fields;
    }
}
