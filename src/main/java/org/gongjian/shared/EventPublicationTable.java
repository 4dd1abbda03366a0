package org.gongjian.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two questions about Spring Modulith's {@code event_publication} table (migration V2026_12_03_1000, schema v2)
 * that its API answers only by loading every row with its serialized event: which publications are stale, and how
 * many there are in each state. Completed publications are deleted ({@code completion-mode=delete}), so every row is
 * unfinished work.
 */
@Component
class EventPublicationTable {

    private final JdbcClient jdbc;

    EventPublicationTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Unfinished publications by state; {@code failed} has tries left, {@code givenUp} has none. */
    record Counts(int inFlight, int resubmitted, int failed, int givenUp) {}

    /**
     * Marks FAILED every publication whose current try (its publication, or its last resubmission) started before
     * {@code cutoff} and never reported back; returns how many. One statement, so nodes running it at once agree.
     * A row locked by a try still running (a listener that claimed its publication, {@link PublicationClaims}, holds
     * it until it commits) is skipped, not waited for: waiting held the scheduler's one thread, and every other job of
     * the node, for as long as that try ran (on H2 the statement failed on a lock time-out every run). The try either
     * commits and deletes its row or rolls back, and a later run marks it then.
     */
    int markStaleFailed(Instant cutoff) {
        return jdbc.sql("""
                        UPDATE event_publication SET status = 'FAILED'
                        WHERE id IN (SELECT s.id FROM event_publication s
                                     WHERE s.status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED') AND s.completion_date IS NULL
                                       AND COALESCE(s.last_resubmission_date, s.publication_date) < :cutoff
                                     FOR UPDATE SKIP LOCKED)""")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    /** Marks FAILED publications as having used up their tries, so the job leaves them for an administrator. */
    void giveUp(Collection<UUID> ids, int maxAttempts) {
        jdbc.sql("UPDATE event_publication SET completion_attempts = :max WHERE id IN (:ids) AND status = 'FAILED'")
                .param("max", maxAttempts).param("ids", ids).update();
    }

    /** The event types of FAILED publications with tries left. */
    List<String> failedEventTypes(int maxAttempts) {
        return jdbc.sql("SELECT DISTINCT event_type FROM event_publication WHERE status = 'FAILED' AND completion_attempts < :max")
                .param("max", maxAttempts).query(String.class).list();
    }

    int giveUpType(String eventType, int maxAttempts) {
        return jdbc.sql("""
                        UPDATE event_publication SET completion_attempts = :max
                        WHERE status = 'FAILED' AND completion_attempts < :max AND event_type = :type""")
                .param("max", maxAttempts).param("type", eventType).update();
    }

    /**
     * An administrator's 重新处理: a FAILED publication gets one more try (at most {@code maxAttempts - 1} tries
     * counted) and its wait counts from its publication, so the scheduled job (the cluster's one resubmitter, under
     * ShedLock) hands it back on its next run and claims it as it claims every other; false when it is not FAILED.
     */
    boolean rearm(UUID id, int maxAttempts) {
        return jdbc.sql("""
                        UPDATE event_publication SET completion_attempts = LEAST(completion_attempts, :last),
                               last_resubmission_date = NULL
                        WHERE id = :id AND status = 'FAILED'""")
                .param("last", maxAttempts - 1).param("id", id).update() == 1;
    }

    /** The stored event of a publication, to check that it still reads. */
    Optional<String> serializedEvent(UUID id) {
        return jdbc.sql("SELECT serialized_event FROM event_publication WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }

    Counts counts(int maxAttempts) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(CASE WHEN status IN ('PUBLISHED', 'PROCESSING') THEN 1 ELSE 0 END), 0),
                               COALESCE(SUM(CASE WHEN status = 'RESUBMITTED' THEN 1 ELSE 0 END), 0),
                               COALESCE(SUM(CASE WHEN status = 'FAILED' AND completion_attempts < :max THEN 1 ELSE 0 END), 0),
                               COALESCE(SUM(CASE WHEN status = 'FAILED' AND completion_attempts >= :max THEN 1 ELSE 0 END), 0)
                        FROM event_publication WHERE completion_date IS NULL""")
                .param("max", maxAttempts)
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).single();
    }

    private static final String UNFINISHED = """
            SELECT id, event_type, listener_id, publication_date, status, completion_attempts, last_resubmission_date
            FROM event_publication WHERE completion_date IS NULL""";

    /** Failed ones first (what needs an administrator), then the oldest. */
    PageResult<UnfinishedPublication> unfinished(PageQuery page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class).single();
        List<UnfinishedPublication> items = jdbc.sql(UNFINISHED + """
                         ORDER BY CASE WHEN status = 'FAILED' THEN 0 ELSE 1 END, publication_date, id
                        LIMIT :limit OFFSET :offset""")
                .param("limit", page.size()).param("offset", page.offset())
                .query(EventPublicationTable::unfinished).list();
        return PageResult.of(items, total, page);
    }

    Optional<UnfinishedPublication> unfinished(UUID id) {
        return jdbc.sql(UNFINISHED + " AND id = :id").param("id", id).query(EventPublicationTable::unfinished).optional();
    }

    private static UnfinishedPublication unfinished(ResultSet rs, int row) throws SQLException {
        Timestamp lastTry = rs.getTimestamp(7);
        return new UnfinishedPublication(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6),
                lastTry == null ? null : lastTry.toInstant());
    }
}
