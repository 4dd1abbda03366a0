package org.gongjian.briefing.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Units as a briefing names them: by name, or, where another unit of the briefing has the same name (a county's
 * several 新村, a city's ten 金山镇), with its parent's name — 金山镇（青山县） — or with as many ancestors as it takes to
 * tell them apart — 新村（青山县金山镇）. A unique name stays as it is, so the common case reads as before.
 */
final class UnitLabels {

    private UnitLabels() {
    }

    /** {@code names}: unit id → name; {@code ancestors}: the names above each unit asked for, its parent first. */
    static Map<Long, String> of(Map<Long, String> names, Function<Collection<Long>, Map<Long, List<String>>> ancestors) {
        Map<String, List<Long>> byName = new LinkedHashMap<>();
        names.forEach((id, name) -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(id));
        Map<Long, String> labels = new HashMap<>(names);
        List<Long> shared = byName.values().stream().filter(ids -> ids.size() > 1).flatMap(List::stream).toList();
        if (shared.isEmpty()) {
            return labels;
        }
        Map<Long, List<String>> up = ancestors.apply(shared);
        byName.forEach((name, ids) -> {
            if (ids.size() > 1) {
                labels.putAll(apart(name, ids, up));
            }
        });
        return labels;
    }

    /** The fewest ancestors that tell the units apart (all of them if none do). */
    private static Map<Long, String> apart(String name, List<Long> ids, Map<Long, List<String>> up) {
        int deepest = ids.stream().mapToInt(id -> up.getOrDefault(id, List.of()).size()).max().orElse(0);
        Map<Long, String> tried = new HashMap<>();
        for (int depth = 1; depth <= Math.max(1, deepest); depth++) {
            tried.clear();
            for (long id : ids) {
                tried.put(id, label(name, up.getOrDefault(id, List.of()), depth));
            }
            if (tried.values().stream().distinct().count() == ids.size()) {
                break;
            }
        }
        return tried;
    }

    private static String label(String name, List<String> up, int depth) {
        if (up.isEmpty()) {
            return name;
        }
        List<String> shown = new ArrayList<>(up.subList(0, Math.min(depth, up.size())));
        Collections.reverse(shown);
        return name + "（" + String.join("", shown) + "）";
    }
}
