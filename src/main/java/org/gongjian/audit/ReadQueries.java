package org.gongjian.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.shared.Like;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The personal-data read trail: browsing it newest first, and reading both trails in id order for the export. */
@Repository
class ReadQueries {

    private final JdbcClient jdbc;

    ReadQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ReadEntry(long id, Instant occurredAt, String actor, String what, @Nullable String ids, String httpMethod,
                     String path, int status, @Nullable String clientAddress) {}

    record ReadFilter(@Nullable String actor, @Nullable String what,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {}

    PageResult<ReadEntry> search(ReadFilter filter, ZoneId zone, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" AND actor LIKE :actor ESCAPE '\\'");
            params.put("actor", Like.contains(filter.actor()));
        }
        if (filter.what() != null && !filter.what().isBlank()) {
            where.append(" AND what = :what");
            params.put("what", filter.what().trim());
        }
        range(filter.from(), filter.to(), zone, where, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_read" + where).params(params).query(Long.class).single();
        List<ReadEntry> items = jdbc.sql("SELECT * FROM audit_read" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new ReadEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("what"), rs.getString("ids"), rs.getString("http_method"),
                        rs.getString("path"), rs.getInt("status"), rs.getString("client_address"))).list();
        return PageResult.of(items, total, page);
    }

    List<String> whats() {
        return jdbc.sql("SELECT DISTINCT what FROM audit_read ORDER BY what").query(String.class).list();
    }

    /**
     * Up to {@code limit} lines of one trail after the id, in id order, as column → value maps (the export pages
     * through a trail this way, so memory stays flat however long it is).
     */
    List<Map<String, Object>> batch(String table, long afterId, @Nullable LocalDate from, @Nullable LocalDate to,
                                    ZoneId zone, int limit) {
        if (!table.equals("audit_event") && !table.equals("audit_read")) {
            throw new IllegalArgumentException(table);
        }
        StringBuilder where = new StringBuilder(" WHERE id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterId);
        range(from, to, zone, where, params);
        return jdbc.sql("SELECT * FROM " + table + where + " ORDER BY id LIMIT :limit").params(params)
                .param("limit", limit).query().listOfRows();
    }

    private static void range(@Nullable LocalDate from, @Nullable LocalDate to, ZoneId zone, StringBuilder where,
                              Map<String, Object> params) {
        if (from != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
    }
}
