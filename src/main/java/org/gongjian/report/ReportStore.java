package org.gongjian.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for progress reports. A report is in a user's scope when its unit is; the scope is part of every query, so
 * another unit's report id is simply not found.
 */
@Repository
class ReportStore {

    /**
     * The task's title is looked up per report (tasks are never deleted, so no report is left out), not joined: as a
     * join PostgreSQL may merge it with the task primary key in id order, reading the index from its start up to the
     * report's task — estimated from progress_report's statistics, which a report on a task newer than the last ANALYZE
     * outruns. At 10⁶ tasks each read of one report took 160–430 ms (issue #18: the province's progress update, 1.9/s;
     * at city the same read made the update path 2.8× slower than at county). A lookup is one index probe.
     */
    private static final String SELECT = """
            SELECT r.*, u.name AS unit_name,
                   (SELECT t.title FROM campaign_task_ref t WHERE t.task_id = r.task_id) AS task_title
            FROM progress_report r
            JOIN org_unit_path u ON u.unit_id = r.unit_id
            """;

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored row, before the view adds values, milestones and the review trail. */
    record ReportRow(long id, long taskId, String taskTitle, long campaignId, long unitId, String unitName,
                     String period, int revision, @Nullable Long correctsReportId, LocalDate deadline,
                     @Nullable String progressText, @Nullable String problems, @Nullable String nextSteps,
                     ReportStatus status, @Nullable ReviewStage stage, boolean late, String createdBy,
                     @Nullable Long createdByUserId, Instant createdAt, @Nullable Instant firstSubmittedAt,
                     @Nullable Instant submittedAt, @Nullable String submittedBy, @Nullable Instant approvedAt,
                     @Nullable String approvedBy, @Nullable String contentJson, @Nullable String contentHash,
                     @Nullable Integer chainSeq, @Nullable String previousHash, @Nullable String chainHash,
                     int version, @Nullable String chainKeyId) {}

    record NewReport(long taskId, long campaignId, long unitId, String period, int revision,
                     @Nullable Long correctsReportId, LocalDate deadline, String createdBy, @Nullable Long userId) {}

    record Texts(@Nullable String progressText, @Nullable String problems, @Nullable String nextSteps) {}

    Optional<ReportRow> find(long id, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND " + scoped(scope)).param("id", id)
                .param("scope", scope.likePattern()).query(this::map).optional();
    }

    Optional<ReportRow> findUnscoped(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(this::map).optional();
    }

    /** Every report of a task, newest period and revision first. */
    List<ReportRow> ofTask(long taskId, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE r.task_id = :task AND " + scoped(scope)
                        + " ORDER BY r.period DESC, r.revision DESC")
                .param("task", taskId).param("scope", scope.likePattern()).query(this::map).list();
    }

    /** The latest revision of a task's report for a period, if any. */
    Optional<ReportRow> current(long taskId, String period) {
        return jdbc.sql(SELECT + " WHERE r.task_id = :task AND r.period = :period ORDER BY r.revision DESC LIMIT 1")
                .param("task", taskId).param("period", period).query(this::map).optional();
    }

    /** The latest revision of the task's report for the period before {@code period} (上期), whatever its state. */
    Optional<ReportRow> previous(long taskId, String period) {
        return jdbc.sql(SELECT + " WHERE r.task_id = :task AND r.period < :period"
                        + " ORDER BY r.period DESC, r.revision DESC LIMIT 1")
                .param("task", taskId).param("period", period).query(this::map).optional();
    }

    /** The task's most recent report of an earlier or the same period (what a new report is pre-filled from). */
    Optional<ReportRow> latestBefore(long taskId, String period) {
        return jdbc.sql(SELECT + " WHERE r.task_id = :task AND r.period <= :period"
                        + " ORDER BY r.period DESC, r.revision DESC LIMIT 1")
                .param("task", taskId).param("period", period).query(this::map).optional();
    }

    Optional<ReportRow> latest(long taskId) {
        return jdbc.sql(SELECT + " WHERE r.task_id = :task ORDER BY r.period DESC, r.revision DESC LIMIT 1")
                .param("task", taskId).query(this::map).optional();
    }

    long insert(NewReport r, Texts texts, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO progress_report (task_id, campaign_id, unit_id, period, revision, corrects_report_id,
                    deadline, progress_text, problems, next_steps, status, late, created_by, created_by_user_id,
                    created_at, updated_at, version)
                VALUES (:task, :campaign, :unit, :period, :revision, :corrects, :deadline, :progress, :problems,
                    :next, 'DRAFT', FALSE, :by, :userId, :now, :now, 0)""")
                .param("task", r.taskId()).param("campaign", r.campaignId()).param("unit", r.unitId())
                .param("period", r.period()).param("revision", r.revision())
                .param("corrects", r.correctsReportId(), java.sql.Types.BIGINT)
                .param("deadline", Date.valueOf(r.deadline())).param("progress", texts.progressText())
                .param("problems", texts.problems()).param("next", texts.nextSteps()).param("by", r.createdBy())
                .param("userId", r.userId(), java.sql.Types.BIGINT).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Replaces a draft's texts if nobody changed it since {@code version} and it is still editable. */
    boolean updateTexts(long id, int version, Texts texts, Instant now) {
        return jdbc.sql("""
                UPDATE progress_report SET progress_text = :progress, problems = :problems, next_steps = :next,
                    updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version AND status IN ('DRAFT', 'RETURNED')""")
                .param("progress", texts.progressText()).param("problems", texts.problems())
                .param("next", texts.nextSteps()).param("now", Timestamp.from(now)).param("id", id)
                .param("version", version).update() == 1;
    }

    void replaceValues(long reportId, List<ReportView.IndicatorValue> values) {
        jdbc.sql("DELETE FROM report_indicator_value WHERE report_id = :id").param("id", reportId).update();
        addValues(reportId, values);
    }

    /** The values of a report inserted in this transaction (nothing to replace yet). */
    void addValues(long reportId, List<ReportView.IndicatorValue> values) {
        for (ReportView.IndicatorValue v : values) {
            jdbc.sql("INSERT INTO report_indicator_value (report_id, indicator_id, reported_value) VALUES (:r, :i, :v)")
                    .param("r", reportId).param("i", v.indicatorId()).param("v", v.value()).update();
        }
    }

    void replaceMilestones(long reportId, List<ReportView.MilestoneDone> done) {
        jdbc.sql("DELETE FROM report_milestone WHERE report_id = :id").param("id", reportId).update();
        addMilestones(reportId, done);
    }

    /** The milestones of a report inserted in this transaction (nothing to replace yet). */
    void addMilestones(long reportId, List<ReportView.MilestoneDone> done) {
        for (ReportView.MilestoneDone m : done) {
            jdbc.sql("INSERT INTO report_milestone (report_id, milestone_id, done_on) VALUES (:r, :m, :d)")
                    .param("r", reportId).param("m", m.milestoneId()).param("d", Date.valueOf(m.doneOn())).update();
        }
    }

    List<ReportView.IndicatorValue> values(long reportId) {
        return jdbc.sql("SELECT indicator_id, reported_value FROM report_indicator_value WHERE report_id = :id"
                        + " ORDER BY indicator_id")
                .param("id", reportId)
                .query((rs, n) -> new ReportView.IndicatorValue(rs.getLong(1), rs.getBigDecimal(2))).list();
    }

    List<ReportView.MilestoneDone> milestones(long reportId) {
        return jdbc.sql("SELECT milestone_id, done_on FROM report_milestone WHERE report_id = :id ORDER BY milestone_id")
                .param("id", reportId)
                .query((rs, n) -> new ReportView.MilestoneDone(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
    }

    List<ReportView.ReviewStep> reviews(long reportId) {
        return jdbc.sql("SELECT action, actor, reason, occurred_at FROM report_review WHERE report_id = :id ORDER BY id")
                .param("id", reportId)
                .query((rs, n) -> new ReportView.ReviewStep(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    void review(long reportId, String action, String actor, @Nullable String reason, Instant now) {
        jdbc.sql("INSERT INTO report_review (report_id, action, actor, reason, occurred_at) VALUES (:r, :a, :by, :why, :now)")
                .param("r", reportId).param("a", action).param("by", actor).param("why", reason)
                .param("now", Timestamp.from(now)).update();
    }

    /** A historical report (补录) goes from its fresh draft straight to approved, with the times it really had. */
    void recordHistorical(long id, boolean late, Instant submittedAt, String submittedBy, Instant approvedAt,
                          String approvedBy) {
        jdbc.sql("""
                UPDATE progress_report SET status = 'APPROVED', review_stage = NULL, late = :late,
                    first_submitted_at = :submitted, submitted_at = :submitted, submitted_by = :submittedBy,
                    approved_at = :approved, approved_by = :approvedBy, updated_at = :approved, version = version + 1
                WHERE id = :id AND status = 'DRAFT'""")
                .param("late", late).param("submitted", Timestamp.from(submittedAt)).param("submittedBy", submittedBy)
                .param("approved", Timestamp.from(approvedAt)).param("approvedBy", approvedBy).param("id", id).update();
    }

    Optional<ProgressReport> load(long id, DataScope scope) {
        return find(id, scope).map(ProgressReport::new);
    }

    /**
     * Stores a report's new review state and appends its new review steps — only over the state it was loaded in
     * (same version, same status): of two reviewers pressing 通过 at once, one wins and the other gets a conflict.
     */
    void save(ProgressReport report) {
        ReportRow was = report.loaded();
        int rows = jdbc.sql("""
                UPDATE progress_report SET status = :status, review_stage = :stage, late = :late,
                    first_submitted_at = :first, submitted_at = :submitted, submitted_by = :submittedBy,
                    approved_at = :approved, approved_by = :approvedBy, updated_at = COALESCE(:now, updated_at),
                    version = version + 1
                WHERE id = :id AND version = :version AND status = :was""")
                .param("status", report.status().name())
                .param("stage", report.stage() == null ? null : report.stage().name(), java.sql.Types.VARCHAR)
                .param("late", report.late())
                .param("first", ts(report.firstSubmittedAt()), java.sql.Types.TIMESTAMP)
                .param("submitted", ts(report.submittedAt()), java.sql.Types.TIMESTAMP)
                .param("submittedBy", report.submittedBy(), java.sql.Types.VARCHAR)
                .param("approved", ts(report.approvedAt()), java.sql.Types.TIMESTAMP)
                .param("approvedBy", report.approvedBy(), java.sql.Types.VARCHAR)
                .param("now", ts(report.updatedAt()), java.sql.Types.TIMESTAMP)
                .param("id", was.id()).param("version", was.version()).param("was", was.status().name()).update();
        if (rows != 1) {
            throw ProgressReport.stale();
        }
        for (ReportView.ReviewStep step : report.newSteps()) {
            review(was.id(), step.action(), step.actor(), step.reason(), step.at());
        }
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    void seal(long id, int chainSeq, String contentJson, String contentHash, String previousHash, String chainHash,
              String keyId) {
        jdbc.sql("""
                UPDATE progress_report SET chain_seq = :seq, content_json = :json, content_hash = :hash,
                    previous_hash = :previous, chain_hash = :chain, chain_key_id = :key WHERE id = :id""")
                .param("seq", chainSeq).param("json", contentJson).param("hash", contentHash)
                .param("previous", previousHash).param("chain", chainHash).param("key", keyId).param("id", id).update();
    }

    /** Re-links a legacy (unkeyed) link with its keyed hash (start-up, once). */
    void relink(long id, String previousHash, String chainHash, String keyId) {
        jdbc.sql("UPDATE progress_report SET previous_hash = :previous, chain_hash = :chain, chain_key_id = :key WHERE id = :id")
                .param("previous", previousHash).param("chain", chainHash).param("key", keyId).param("id", id).update();
    }

    /** Every task that has a chain of approved reports. */
    List<Long> chainedTasks() {
        return jdbc.sql("SELECT DISTINCT task_id FROM progress_report WHERE chain_seq IS NOT NULL ORDER BY task_id")
                .query(Long.class).list();
    }

    /** Tasks with at least one unkeyed (legacy) link. */
    List<Long> tasksWithLegacyLinks() {
        return jdbc.sql("SELECT DISTINCT task_id FROM progress_report WHERE chain_seq IS NOT NULL AND chain_key_id IS NULL ORDER BY task_id")
                .query(Long.class).list();
    }

    /** Every link of every task's chain, for the anchors: task, seq, hash, key id. */
    List<org.gongjian.shared.ChainLink> links() {
        return jdbc.sql("SELECT task_id, chain_seq, chain_hash, chain_key_id FROM progress_report WHERE chain_seq IS NOT NULL ORDER BY task_id, chain_seq")
                .query((rs, n) -> new org.gongjian.shared.ChainLink("report", rs.getLong(1), rs.getInt(2),
                        trim(rs.getString(3)), rs.getString(4))).list();
    }

    /**
     * What sealing an approved report of {@code period} and moving its task need of the task's other reports, in one
     * narrow read (it was the last link's whole row, content JSON included, and a count): the chain's last link, if
     * any, and whether a later period is approved already.
     */
    record ChainTail(@Nullable Integer lastSeq, @Nullable String lastHash, boolean laterApproved) {}

    ChainTail chainTail(long taskId, String period) {
        // the last link's row has a sequence number; the second part's row, present when a later period is approved, none
        List<Object[]> rows = jdbc.sql("""
                (SELECT chain_seq, chain_hash FROM progress_report WHERE task_id = :task AND chain_seq IS NOT NULL
                 ORDER BY chain_seq DESC LIMIT 1)
                UNION ALL
                (SELECT NULL, NULL FROM progress_report WHERE task_id = :task AND status = 'APPROVED' AND period > :period
                 LIMIT 1)""").param("task", taskId).param("period", period)
                .query((rs, n) -> new Object[] {rs.getObject(1, Integer.class), trim(rs.getString(2))}).list();
        Object[] last = rows.stream().filter(r -> r[0] != null).findFirst().orElse(null);
        return new ChainTail(last == null ? null : (Integer) last[0], last == null ? null : (String) last[1],
                rows.stream().anyMatch(r -> r[0] == null));
    }

    List<ReportRow> sealed(long taskId) {
        return jdbc.sql(SELECT + " WHERE r.task_id = :task AND r.chain_seq IS NOT NULL ORDER BY r.chain_seq")
                .param("task", taskId).query(this::map).list();
    }

    /** Latest revision per (task, period) for the given tasks and periods: what lateness and lights read. */
    List<ReportRow> currentFor(Collection<Long> taskIds, Collection<String> periods) {
        if (taskIds.isEmpty() || periods.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 WHERE r.task_id IN (:tasks) AND r.period IN (:periods)
                   AND r.revision = (SELECT MAX(x.revision) FROM progress_report x
                                     WHERE x.task_id = r.task_id AND x.period = r.period)""")
                .param("tasks", taskIds).param("periods", periods).query(this::map).list();
    }

    /** Reports waiting for a reviewer at a stage within a scope, oldest first. */
    List<ReportRow> awaiting(ReviewStage stage, DataScope scope, int limit) {
        return jdbc.sql(SELECT + " WHERE r.status = 'SUBMITTED' AND r.review_stage = :stage AND " + scoped(scope)
                        + " ORDER BY r.submitted_at LIMIT " + limit)
                .param("stage", stage.name()).param("scope", scope.likePattern()).query(this::map).list();
    }

    private static String scoped(DataScope scope) {
        return scope.isEverything() ? "1 = 1" : "u.path LIKE :scope";
    }

    private ReportRow map(ResultSet rs, int row) throws SQLException {
        return new ReportRow(rs.getLong("id"), rs.getLong("task_id"), rs.getString("task_title"),
                rs.getLong("campaign_id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("period"),
                rs.getInt("revision"), nullableLong(rs, "corrects_report_id"), rs.getDate("deadline").toLocalDate(),
                rs.getString("progress_text"), rs.getString("problems"), rs.getString("next_steps"),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getString("review_stage") == null ? null : ReviewStage.valueOf(rs.getString("review_stage")),
                rs.getBoolean("late"), rs.getString("created_by"), nullableLong(rs, "created_by_user_id"),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "first_submitted_at"),
                instant(rs, "submitted_at"), rs.getString("submitted_by"), instant(rs, "approved_at"),
                rs.getString("approved_by"), rs.getString("content_json"), trim(rs.getString("content_hash")),
                (Integer) rs.getObject("chain_seq", Integer.class), trim(rs.getString("previous_hash")),
                trim(rs.getString("chain_hash")), rs.getInt("version"), rs.getString("chain_key_id"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null ? null : s.trim();
    }
}
