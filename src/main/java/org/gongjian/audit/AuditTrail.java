package org.gongjian.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.AuditableChanges;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link AuditableChange} synchronously, in the publisher's transaction: a change and its audit line
 * commit together or not at all. The table is insert-only (on PostgreSQL a trigger refuses UPDATE and DELETE).
 */
@Component
class AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = JsonMapper.builder().build();
        this.clock = clock;
    }

    @EventListener
    void on(AuditableChange change) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, client_address)
                VALUES (:at, :actor, :action, :type, :entityId, :before, :after, :address)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", change.actor() != null ? change.actor() : actor())
                .param("action", change.action())
                .param("type", change.entityType())
                .param("entityId", cut(change.entityId(), 200), java.sql.Types.VARCHAR)
                .param("before", toJson(change.before()), java.sql.Types.VARCHAR)
                .param("after", toJson(change.after()), java.sql.Types.VARCHAR)
                .param("address", clientAddress(), java.sql.Types.VARCHAR)
                .update();
    }

    /** The same row for each change as {@link #on(AuditableChange)} writes, in batches of 1,000 rows. */
    @EventListener
    void on(AuditableChanges changes) {
        Timestamp at = Timestamp.from(clock.instant());
        String actor = actor();
        String address = clientAddress();
        List<Object[]> rows = changes.changes().stream().map(change -> new Object[] {at,
                change.actor() != null ? change.actor() : actor, change.action(), change.entityType(),
                cut(change.entityId(), 200), toJson(change.before()), toJson(change.after()), address}).toList();
        int[] types = {Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
        for (int from = 0; from < rows.size(); from += 1_000) {
            batch.batchUpdate("""
                    INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, before_state, after_state, client_address)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + 1_000)), types);
        }
    }

    private @Nullable String toJson(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text = json.writeValueAsString(value);
        return text.length() > 20_000 ? text.substring(0, 20_000) + "…" : text;
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return "system";
        }
        return auth.getName();
    }

    /** The client's address; behind a proxy set server.forward-headers-strategy so this is the real one. */
    private static @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
