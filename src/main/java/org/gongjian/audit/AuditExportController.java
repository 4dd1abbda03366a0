package org.gongjian.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/audit/export.jsonl}: the audit trail (changes) and the personal-data read trail as JSON lines
 * for a log system — one object per line with {@code "trail":"change"|"read"}, in id order per trail, streamed in
 * batches. {@code afterChangeId} / {@code afterReadId} let a shipper fetch only what is new.
 */
@RestController
@PreAuthorize("@auditReaders.allowed(authentication)")
class AuditExportController {

    private static final int BATCH = 1000;

    /** Which trail to export: both, the changes (audit_event) or the personal-data reads (audit_read). */
    enum Trail { ALL, CHANGES, READS }

    private final ReadQueries queries;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditExportController(ReadQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/v1/audit/export.jsonl")
    @PersonalDataRead("audit-export")
    void export(@RequestParam(defaultValue = "ALL") Trail trail,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                @RequestParam(defaultValue = "0") long afterChangeId, @RequestParam(defaultValue = "0") long afterReadId,
                HttpServletResponse response) throws IOException {
        response.setContentType("application/jsonl");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.jsonl\"");
        OutputStream out = response.getOutputStream();
        if (trail != Trail.READS) {
            write(out, "audit_event", "change", afterChangeId, from, to);
        }
        if (trail != Trail.CHANGES) {
            write(out, "audit_read", "read", afterReadId, from, to);
        }
        out.flush();
    }

    private void write(OutputStream out, String table, String name, long afterId, @Nullable LocalDate from,
                       @Nullable LocalDate to) throws IOException {
        long after = afterId;
        List<Map<String, Object>> rows;
        do {
            rows = queries.batch(table, after, from, to, clock.getZone(), BATCH);
            for (Map<String, Object> row : rows) {
                out.write(json.writeValueAsBytes(line(name, row)));
                out.write('\n');
                after = ((Number) value(row, "id")).longValue();
            }
        } while (rows.size() == BATCH);
    }

    /** Column names in camelCase, times as ISO instants; the same keys on H2 (upper case) and PostgreSQL. */
    private static Map<String, Object> line(String trail, Map<String, Object> row) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("trail", trail);
        row.forEach((column, v) -> line.put(camel(column.toLowerCase(Locale.ROOT)), instant(v)));
        return line;
    }

    private static @Nullable Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static @Nullable Object instant(@Nullable Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        return value;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }
}
