package org.gongjian.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for supervision notices and their responses; scope is enforced in the queries (the addressed unit's path). */
@Repository
class NoticeStore {

    /** The task's title looked up per notice, not joined (tasks are never deleted): see report.ReportStore's SELECT. */
    private static final String SELECT = """
            SELECT n.*, (SELECT t.title FROM campaign_task_ref t WHERE t.task_id = n.task_id) AS task_title,
                   u.name AS unit_name,
                   (SELECT MAX(op.name) FROM org_person op WHERE op.person_id = n.leader_person_id) AS leader_name
            FROM supervision_notice n
            JOIN org_unit_path u ON u.unit_id = n.unit_id
            """;

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewNotice(long taskId, long campaignId, long unitId, @Nullable Long leaderPersonId, NoticeLevel level,
                     String requirement, LocalDate responseDue, NoticeOrigin origin, @Nullable Long escalatedFromId,
                     @Nullable String autoKey, String createdBy, Instant createdAt) {}

    long insert(NewNotice n) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supervision_notice (task_id, campaign_id, unit_id, leader_person_id, level, requirement,
                    response_due, status, origin, escalated_from_id, auto_key, created_by, created_at, version)
                VALUES (:task, :campaign, :unit, :leader, :level, :requirement, :due, 'OPEN', :origin, :from, :key,
                    :by, :at, 0)""")
                .param("task", n.taskId()).param("campaign", n.campaignId()).param("unit", n.unitId())
                .param("leader", n.leaderPersonId(), Types.BIGINT).param("level", n.level().name())
                .param("requirement", n.requirement()).param("due", Date.valueOf(n.responseDue()))
                .param("origin", n.origin().name()).param("from", n.escalatedFromId(), Types.BIGINT)
                .param("key", n.autoKey(), Types.VARCHAR).param("by", n.createdBy())
                .param("at", Timestamp.from(n.createdAt())).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Moves a notice from one status to another; 0 rows when it was no longer in {@code from} (a concurrent change). */
    int setStatus(long id, NoticeStatus from, NoticeStatus to) {
        return jdbc.sql("UPDATE supervision_notice SET status = :to, version = version + 1 WHERE id = :id AND status = :from")
                .param("to", to.name()).param("id", id).param("from", from.name()).update();
    }

    int close(long id, String by, Instant at, String note) {
        return jdbc.sql("""
                UPDATE supervision_notice SET status = 'CLOSED', closed_by = :by, closed_at = :at, close_note = :note,
                    version = version + 1
                WHERE id = :id AND status = 'RESPONDED'""")
                .param("by", by).param("at", Timestamp.from(at)).param("note", note).param("id", id).update();
    }

    void insertResponse(long noticeId, String text, List<Long> evidenceIds, String responder, Instant at) {
        jdbc.sql("""
                INSERT INTO notice_response (notice_id, response_text, evidence_ids, responder, responded_at)
                VALUES (:notice, :text, :evidence, :responder, :at)""")
                .param("notice", noticeId).param("text", text)
                .param("evidence", String.join(",", evidenceIds.stream().map(String::valueOf).toList()))
                .param("responder", responder).param("at", Timestamp.from(at)).update();
    }

    List<NoticeView.Response> responses(long noticeId) {
        return jdbc.sql("SELECT * FROM notice_response WHERE notice_id = :id ORDER BY id").param("id", noticeId)
                .query((rs, n) -> new NoticeView.Response(rs.getLong("id"), rs.getString("response_text"),
                        ids(rs.getString("evidence_ids")), rs.getString("responder"),
                        rs.getTimestamp("responded_at").toInstant())).list();
    }

    /** Unscoped (for the office's jobs and after a scope check). */
    Optional<NoticeView> find(long id, LocalDate today) {
        return jdbc.sql(SELECT + " WHERE n.id = :id").param("id", id).query((rs, n) -> view(rs, today)).optional();
    }

    Optional<NoticeView> find(long id, DataScope scope, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        return jdbc.sql(SELECT + " WHERE n.id = :id" + scoped(scope, params)).params(params)
                .query((rs, n) -> view(rs, today)).optional();
    }

    record Filter(@Nullable NoticeStatus status, @Nullable NoticeLevel level, @Nullable Long unitId,
                  @Nullable Long taskId) {}

    List<NoticeView> page(Filter filter, DataScope scope, PageQuery page, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, params);
        params.put("limit", page.size());
        params.put("offset", page.offset());
        return jdbc.sql(SELECT + where + " ORDER BY n.id DESC LIMIT :limit OFFSET :offset").params(params)
                .query((rs, n) -> view(rs, today)).list();
    }

    long count(Filter filter, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, params);
        return jdbc.sql("SELECT COUNT(*) FROM supervision_notice n JOIN org_unit_path u ON u.unit_id = n.unit_id" + where)
                .params(params).query(Long.class).single();
    }

    /** Notices per addressed unit and level (open and responded ones: what is still being supervised). */
    record Tally(long unitId, String unitName, NoticeLevel level, long notices) {}

    List<Tally> tally(DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = " WHERE n.status IN ('OPEN', 'RESPONDED')" + scoped(scope, params);
        return jdbc.sql("""
                SELECT n.unit_id, u.name, n.level, COUNT(*) AS notices
                FROM supervision_notice n JOIN org_unit_path u ON u.unit_id = n.unit_id""" + where
                        + " GROUP BY n.unit_id, u.name, u.path, n.level ORDER BY u.path, n.level")
                .params(params)
                .query((rs, n) -> new Tally(rs.getLong("unit_id"), rs.getString("name"),
                        NoticeLevel.valueOf(rs.getString("level")), rs.getLong("notices"))).list();
    }

    /** Whether the task has a notice still OPEN or RESPONDED (being supervised). */
    boolean hasActive(long taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_notice WHERE task_id = :task AND status IN ('OPEN', 'RESPONDED')")
                .param("task", taskId).query(Long.class).single() > 0;
    }

    /**
     * Of these tasks, those with a notice being handled (OPEN or RESPONDED), and which of these automatic keys are
     * taken: what {@link #hasActive} and {@link #autoKeyExists} answer one by one, for a whole day's red tasks in a few
     * statements (id lists in slices of 10,000: PostgreSQL binds at most 65,535 parameters).
     */
    Settled settled(List<Long> taskIds, List<String> autoKeys) {
        java.util.Set<Long> active = new java.util.HashSet<>();
        for (int from = 0; from < taskIds.size(); from += 10_000) {
            active.addAll(jdbc.sql("""
                    SELECT DISTINCT task_id FROM supervision_notice
                    WHERE task_id IN (:tasks) AND status IN ('OPEN', 'RESPONDED')""")
                    .param("tasks", taskIds.subList(from, Math.min(taskIds.size(), from + 10_000)))
                    .query(Long.class).list());
        }
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int from = 0; from < autoKeys.size(); from += 10_000) {
            taken.addAll(jdbc.sql("SELECT auto_key FROM supervision_notice WHERE auto_key IN (:keys)")
                    .param("keys", autoKeys.subList(from, Math.min(autoKeys.size(), from + 10_000)))
                    .query(String.class).list());
        }
        return new Settled(active, taken);
    }

    record Settled(java.util.Set<Long> activeTasks, java.util.Set<String> takenKeys) {}

    boolean autoKeyExists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_notice WHERE auto_key = :key").param("key", key)
                .query(Long.class).single() > 0;
    }

    /** OPEN notices whose response date has passed (escalation candidates), oldest first. */
    List<Long> openPastDue(LocalDate asOf) {
        // Only the levels the rules raise by themselves: an open 约谈 or 问责 past its date waits for people (约谈 → 问责
        // only by hand), and re-reading each such notice in a transaction of its own every morning made a run with
        // thousands of them take minutes while changing nothing.
        return jdbc.sql("""
                SELECT id FROM supervision_notice
                WHERE status = 'OPEN' AND response_due < :today AND level IN (:raised) ORDER BY id""")
                .param("today", Date.valueOf(asOf))
                .param("raised", java.util.Arrays.stream(NoticeLevel.values())
                        .filter(l -> l.compareTo(NoticeLevel.INTERVIEW) < 0).map(Enum::name).toList())
                .query(Long.class).list();
    }

    /** SUPERVISE notices still OPEN on tasks that had an earlier SUPERVISE (second 督办 → 约谈). */
    List<Long> secondSupervise() {
        return jdbc.sql("""
                SELECT n.id FROM supervision_notice n
                WHERE n.level = 'SUPERVISE' AND n.status = 'OPEN'
                  AND EXISTS (SELECT 1 FROM supervision_notice e WHERE e.task_id = n.task_id AND e.level = 'SUPERVISE'
                              AND e.id < n.id)
                ORDER BY n.id""").query(Long.class).list();
    }

    /** Tasks' 约谈 notices, newest first (the flag shown on the task). */
    List<NoticeView> ofTask(long taskId, LocalDate today) {
        return jdbc.sql(SELECT + " WHERE n.task_id = :task ORDER BY n.id DESC LIMIT 50").param("task", taskId)
                .query((rs, n) -> view(rs, today)).list();
    }

    private static String where(Filter filter, DataScope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (filter.status() != null) {
            where.append(" AND n.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.level() != null) {
            where.append(" AND n.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.unitId() != null) {
            where.append(" AND n.unit_id = :unit");
            params.put("unit", filter.unitId());
        }
        if (filter.taskId() != null) {
            where.append(" AND n.task_id = :task");
            params.put("task", filter.taskId());
        }
        return where + scoped(scope, params);
    }

    private static String scoped(DataScope scope, Map<String, Object> params) {
        if (scope.isEverything()) {
            return "";
        }
        params.put("scope", scope.likePattern());
        return " AND u.path LIKE :scope";
    }

    private static List<Long> ids(@Nullable String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(joined.split(",")).map(String::trim).map(Long::valueOf).toList());
    }

    private static NoticeView view(ResultSet rs, LocalDate today) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        long leader = rs.getLong("leader_person_id");
        Long leaderId = rs.wasNull() ? null : leader;
        long from = rs.getLong("escalated_from_id");
        Long fromId = rs.wasNull() ? null : from;
        NoticeLevel level = NoticeLevel.valueOf(rs.getString("level"));
        NoticeStatus status = NoticeStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getDate("response_due").toLocalDate();
        return new NoticeView(rs.getLong("id"), rs.getLong("task_id"), rs.getString("task_title"),
                rs.getLong("campaign_id"), rs.getLong("unit_id"), rs.getString("unit_name"), leaderId,
                rs.getString("leader_name"), level, level.label(), rs.getString("requirement"), due, status,
                status.label(), NoticeOrigin.valueOf(rs.getString("origin")), fromId, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), closedAt == null ? null : closedAt.toInstant(),
                rs.getString("closed_by"), rs.getString("close_note"),
                status == NoticeStatus.OPEN && due.isBefore(today), rs.getInt("version"), List.of());
    }
}
