package org.gongjian.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

/** Browsing the trail, newest first, filtered by actor, action, entity and date range. */
@Repository
class AuditQueries {

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable String entityType,
                       @Nullable String entityId,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {}

    PageResult<AuditEntry> search(AuditFilter filter, ZoneId zone, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" AND actor LIKE :actor ESCAPE '\\'");
            params.put("actor", Like.contains(filter.actor()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" AND action LIKE :action ESCAPE '\\'");
            params.put("action", Like.contains(filter.action()));
        }
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            where.append(" AND entity_type = :type");
            params.put("type", filter.entityType().trim());
        }
        if (filter.entityId() != null && !filter.entityId().isBlank()) {
            where.append(" AND entity_id = :entityId");
            params.put("entityId", filter.entityId().trim());
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event" + where).params(params).query(Long.class).single();
        List<AuditEntry> items = jdbc.sql("SELECT * FROM audit_event" + where
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(AuditQueries::map).list();
        return PageResult.of(items, total, page);
    }

    List<String> entityTypes() {
        return jdbc.sql("SELECT DISTINCT entity_type FROM audit_event ORDER BY entity_type").query(String.class).list();
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("before_state"), rs.getString("after_state"), rs.getString("client_address"));
    }
}
