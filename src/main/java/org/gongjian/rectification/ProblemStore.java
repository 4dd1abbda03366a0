package org.gongjian.rectification;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.Upserts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for problems, measures, progress and history; scope is enforced in the queries (the owning unit's path). */
@Repository
class ProblemStore {

    private static final String SELECT = """
            SELECT p.*, u.name AS unit_name, t.title AS task_title
            FROM rectification_problem p
            JOIN org_unit_path u ON u.unit_id = p.unit_id
            LEFT JOIN campaign_task_ref t ON t.task_id = p.task_id
            """;
    private static final String OVERDUE = """
            p.status <> 'SIGNED_OFF' AND EXISTS (SELECT 1 FROM rectification_measure om WHERE om.problem_id = p.id
                AND om.status <> 'DONE' AND om.deadline < :today)""";

    private final JdbcClient jdbc;
    private final Upserts upserts;

    ProblemStore(JdbcClient jdbc, Upserts upserts) {
        this.jdbc = jdbc;
        this.upserts = upserts;
    }

    record Row(long id, long campaignId, long unitId, String unitName, ProblemSource source, String category,
               String description, Severity severity, LocalDate foundOn, @Nullable Long taskId,
               @Nullable String taskTitle, @Nullable Long noticeId, ProblemStatus status, int reopenCount,
               @Nullable String signedOffBy, @Nullable Instant signedOffAt, @Nullable String signoffReason,
               String createdBy, Instant createdAt, int version) {}

    record MeasureRow(long id, long problemId, String description, long ownerUnitId, String ownerUnitName,
                      String ownerName, LocalDate deadline, String expectedResult, MeasureStatus status,
                      @Nullable LocalDate doneOn, int version) {}

    /** The ledger's filters; {@code unitId} takes the unit and the units under it. */
    record Filter(@Nullable Long campaignId, @Nullable Long unitId, @Nullable ProblemSource source,
                  @Nullable ProblemStatus status, boolean overdueOnly) {}

    record NewProblem(long campaignId, long unitId, ProblemSource source, String category, String description,
                      Severity severity, LocalDate foundOn, @Nullable Long taskId, @Nullable Long noticeId,
                      String createdBy, Instant createdAt) {}

    long insert(NewProblem p) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rectification_problem (campaign_id, unit_id, source, category, description, severity,
                    found_on, task_id, notice_id, status, reopen_count, created_by, created_at, version)
                VALUES (:campaign, :unit, :source, :category, :description, :severity, :found, :task, :notice,
                    'OPEN', 0, :by, :at, 0)""")
                .param("campaign", p.campaignId()).param("unit", p.unitId()).param("source", p.source().name())
                .param("category", p.category()).param("description", p.description())
                .param("severity", p.severity().name()).param("found", Date.valueOf(p.foundOn()))
                .param("task", p.taskId(), Types.BIGINT).param("notice", p.noticeId(), Types.BIGINT)
                .param("by", p.createdBy()).param("at", Timestamp.from(p.createdAt())).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Row> find(long id, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE p.id = :id AND u.path LIKE :scope").param("id", id)
                .param("scope", scope.likePattern()).query(ProblemStore::row).optional();
    }

    Optional<Long> byNotice(long noticeId) {
        return jdbc.sql("SELECT id FROM rectification_problem WHERE notice_id = :n").param("n", noticeId)
                .query(Long.class).optional();
    }

    List<Row> page(Filter f, DataScope scope, PageQuery page, LocalDate today) {
        return where(jdbc.sql(SELECT + where(f) + " ORDER BY p.found_on DESC, p.id DESC LIMIT :limit OFFSET :offset"),
                f, scope, today).param("limit", page.size()).param("offset", page.offset()).query(ProblemStore::row).list();
    }

    long count(Filter f, DataScope scope, LocalDate today) {
        return where(jdbc.sql("SELECT COUNT(*) FROM rectification_problem p JOIN org_unit_path u ON u.unit_id = p.unit_id"
                + where(f)), f, scope, today).query(Long.class).single();
    }

    /** Every problem the filter matches, in ledger order (export, assessment); bounded by the caller's limit. */
    List<Row> all(Filter f, DataScope scope, LocalDate today, int limit) {
        return where(jdbc.sql(SELECT + where(f) + " ORDER BY u.path, p.found_on, p.id LIMIT :limit"), f, scope, today)
                .param("limit", limit).query(ProblemStore::row).list();
    }

    private static String where(Filter f) {
        StringBuilder sql = new StringBuilder(" WHERE u.path LIKE :scope");
        if (f.campaignId() != null) {
            sql.append(" AND p.campaign_id = :campaign");
        }
        if (f.unitId() != null) {
            sql.append(" AND u.path LIKE (SELECT fu.path FROM org_unit_path fu WHERE fu.unit_id = :unit) || '%'");
        }
        if (f.source() != null) {
            sql.append(" AND p.source = :source");
        }
        if (f.status() != null) {
            sql.append(" AND p.status = :status");
        }
        if (f.overdueOnly()) {
            sql.append(" AND ").append(OVERDUE);
        }
        return sql.toString();
    }

    private static JdbcClient.StatementSpec where(JdbcClient.StatementSpec spec, Filter f, DataScope scope, LocalDate today) {
        spec = spec.param("scope", scope.likePattern());
        if (f.campaignId() != null) {
            spec = spec.param("campaign", f.campaignId());
        }
        if (f.unitId() != null) {
            spec = spec.param("unit", f.unitId());
        }
        if (f.source() != null) {
            spec = spec.param("source", f.source().name());
        }
        if (f.status() != null) {
            spec = spec.param("status", f.status().name());
        }
        if (f.overdueOnly()) {
            spec = spec.param("today", Date.valueOf(today));
        }
        return spec;
    }

    /** Per owning unit of the campaign, inside the scope: problems by status and how many are overdue. */
    record UnitCount(long unitId, String unitName, long total, long open, long inProgress, long signedOff,
                     long reopened, long overdue) {}

    List<UnitCount> countsByUnit(long campaignId, DataScope scope, LocalDate today) {
        return jdbc.sql("""
                SELECT p.unit_id, u.name, COUNT(*) AS total,
                       SUM(CASE WHEN p.status = 'OPEN' THEN 1 ELSE 0 END) AS open_count,
                       SUM(CASE WHEN p.status = 'IN_PROGRESS' THEN 1 ELSE 0 END) AS progress_count,
                       SUM(CASE WHEN p.status = 'SIGNED_OFF' THEN 1 ELSE 0 END) AS signed_count,
                       SUM(CASE WHEN p.status = 'REOPENED' THEN 1 ELSE 0 END) AS reopened_count,
                       SUM(CASE WHEN\s""" + OVERDUE + " THEN 1 ELSE 0 END) AS overdue_count" + """

                FROM rectification_problem p JOIN org_unit_path u ON u.unit_id = p.unit_id
                WHERE p.campaign_id = :campaign AND u.path LIKE :scope
                GROUP BY p.unit_id, u.name, u.path ORDER BY u.path""")
                .param("campaign", campaignId).param("scope", scope.likePattern()).param("today", Date.valueOf(today))
                .query((rs, n) -> new UnitCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))).list();
    }

    // ---- state changes: conditional on the version (and state) the caller saw ----

    int setStatus(long id, int version, ProblemStatus from, ProblemStatus to) {
        return jdbc.sql("""
                UPDATE rectification_problem SET status = :to, version = version + 1
                WHERE id = :id AND version = :version AND status = :from""")
                .param("to", to.name()).param("id", id).param("version", version).param("from", from.name()).update();
    }

    int signOff(long id, int version, ProblemStatus from, String by, Instant at, String reason) {
        return jdbc.sql("""
                UPDATE rectification_problem SET status = 'SIGNED_OFF', signed_off_by = :by, signed_off_at = :at,
                    signoff_reason = :reason, version = version + 1
                WHERE id = :id AND version = :version AND status = :from""")
                .param("by", by).param("at", Timestamp.from(at)).param("reason", reason).param("id", id)
                .param("version", version).param("from", from.name()).update();
    }

    int reopen(long id, int version) {
        return jdbc.sql("""
                UPDATE rectification_problem SET status = 'REOPENED', reopen_count = reopen_count + 1,
                    signed_off_by = NULL, signed_off_at = NULL, signoff_reason = NULL, version = version + 1
                WHERE id = :id AND version = :version AND status = 'SIGNED_OFF'""")
                .param("id", id).param("version", version).update();
    }

    /** Any change to a problem's measures bumps its version, so a sign-off on a stale page is refused. */
    int touch(long id, int version) {
        return jdbc.sql("UPDATE rectification_problem SET version = version + 1 WHERE id = :id AND version = :version "
                + "AND status <> 'SIGNED_OFF'").param("id", id).param("version", version).update();
    }

    // ---- measures ----

    long insertMeasure(long problemId, String description, long ownerUnitId, String ownerName, LocalDate deadline,
                       String expected, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rectification_measure (problem_id, description, owner_unit_id, owner_name, deadline,
                    expected_result, status, created_by, created_at, version)
                VALUES (:problem, :description, :unit, :owner, :deadline, :expected, 'OPEN', :by, :at, 0)""")
                .param("problem", problemId).param("description", description).param("unit", ownerUnitId)
                .param("owner", ownerName).param("deadline", Date.valueOf(deadline)).param("expected", expected)
                .param("by", by).param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int setMeasureStatus(long measureId, MeasureStatus from, MeasureStatus to, @Nullable LocalDate doneOn) {
        return jdbc.sql("""
                UPDATE rectification_measure SET status = :to, done_on = :done, version = version + 1
                WHERE id = :id AND status = :from""")
                .param("to", to.name()).param("done", doneOn == null ? null : Date.valueOf(doneOn), Types.DATE)
                .param("id", measureId).param("from", from.name()).update();
    }

    List<MeasureRow> measures(Collection<Long> problemIds) {
        if (problemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT m.*, u.name AS unit_name FROM rectification_measure m
                JOIN org_unit_path u ON u.unit_id = m.owner_unit_id
                WHERE m.problem_id IN (:ids) ORDER BY m.problem_id, m.id""")
                .param("ids", problemIds).query((rs, n) -> new MeasureRow(rs.getLong("id"), rs.getLong("problem_id"),
                        rs.getString("description"), rs.getLong("owner_unit_id"), rs.getString("unit_name"),
                        rs.getString("owner_name"), rs.getDate("deadline").toLocalDate(),
                        rs.getString("expected_result"), MeasureStatus.valueOf(rs.getString("status")),
                        rs.getDate("done_on") == null ? null : rs.getDate("done_on").toLocalDate(), rs.getInt("version")))
                .list();
    }

    // ---- progress ----

    long insertProgress(long measureId, long problemId, String text, List<Long> evidenceIds, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rectification_progress (measure_id, problem_id, progress_text, evidence_ids, reported_by,
                    reported_at)
                VALUES (:measure, :problem, :text, :evidence, :by, :at)""")
                .param("measure", measureId).param("problem", problemId).param("text", text)
                .param("evidence", String.join(",", evidenceIds.stream().map(String::valueOf).toList()))
                .param("by", by).param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int verdict(long progressId, String verdict, String by, Instant at, @Nullable String note) {
        return jdbc.sql("""
                UPDATE rectification_progress SET verdict = :verdict, verdict_by = :by, verdict_at = :at, verdict_note = :note
                WHERE id = :id AND verdict IS NULL""")
                .param("verdict", verdict).param("by", by).param("at", Timestamp.from(at))
                .param("note", note, Types.VARCHAR).param("id", progressId).update();
    }

    Map<Long, List<MeasureView.Progress>> progress(Collection<Long> problemIds) {
        Map<Long, List<MeasureView.Progress>> byMeasure = new LinkedHashMap<>();
        if (problemIds.isEmpty()) {
            return byMeasure;
        }
        jdbc.sql("SELECT * FROM rectification_progress WHERE problem_id IN (:ids) ORDER BY id")
                .param("ids", problemIds).query(rs -> {
                    byMeasure.computeIfAbsent(rs.getLong("measure_id"), k -> new ArrayList<>())
                            .add(new MeasureView.Progress(rs.getLong("id"), rs.getString("progress_text"),
                                    ids(rs.getString("evidence_ids")), rs.getString("reported_by"),
                                    instant(rs, "reported_at"), rs.getString("verdict"), rs.getString("verdict_by"),
                                    instant(rs, "verdict_at"), rs.getString("verdict_note")));
                });
        return byMeasure;
    }

    // ---- history, chases ----

    void step(long problemId, String action, String actor, @Nullable String reason, Instant at) {
        jdbc.sql("INSERT INTO rectification_step (problem_id, action, actor, reason, at) VALUES (:p, :a, :actor, :r, :at)")
                .param("p", problemId).param("a", action).param("actor", actor).param("r", reason, Types.VARCHAR)
                .param("at", Timestamp.from(at)).update();
    }

    List<ProblemView.Step> steps(long problemId) {
        return jdbc.sql("SELECT action, actor, reason, at FROM rectification_step WHERE problem_id = :p ORDER BY id")
                .param("p", problemId).query((rs, n) -> new ProblemView.Step(rs.getString(1), rs.getString(2),
                        rs.getString(3), instant(rs, "at"))).list();
    }

    void chase(long problemId, long measureId, long noticeId, LocalDate on) {
        jdbc.sql("INSERT INTO rectification_chase (problem_id, measure_id, notice_id, issued_on) VALUES (:p, :m, :n, :d)")
                .param("p", problemId).param("m", measureId).param("n", noticeId).param("d", Date.valueOf(on)).update();
    }

    List<ProblemView.Chase> chases(long problemId) {
        return jdbc.sql("SELECT measure_id, notice_id, issued_on FROM rectification_chase WHERE problem_id = :p ORDER BY id")
                .param("p", problemId).query((rs, n) -> new ProblemView.Chase(rs.getLong(1), rs.getLong(2),
                        rs.getDate(3).toLocalDate())).list();
    }

    /**
     * Measures past their deadline with nothing reported (OPEN: no progress, or its progress was rejected) of problems
     * not signed off and tied to a task: what the overdue rules chase.
     */
    record Unanswered(long problemId, long measureId, long taskId, long unitId, String description, LocalDate deadline,
                      String problemText) {}

    List<Unanswered> unansweredOverdue(LocalDate asOf) {
        return jdbc.sql("""
                SELECT p.id, m.id, p.task_id, p.unit_id, m.description, m.deadline, p.description
                FROM rectification_measure m JOIN rectification_problem p ON p.id = m.problem_id
                WHERE m.status = 'OPEN' AND m.deadline < :asOf AND p.status <> 'SIGNED_OFF' AND p.task_id IS NOT NULL
                ORDER BY m.deadline, m.id""")
                .param("asOf", Date.valueOf(asOf))
                .query((rs, n) -> new Unanswered(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7))).list();
    }

    // ---- settings ----

    Optional<Severity> unitHeadMaxSeverity(long campaignId) {
        return jdbc.sql("SELECT unit_head_max_severity FROM rectification_setting WHERE campaign_id = :c")
                .param("c", campaignId).query(String.class).optional().map(Severity::valueOf);
    }

    /** One statement: two administrators saving a campaign's first setting at once both succeed, the later wins. */
    void saveSetting(long campaignId, Severity max, String by, Instant at) {
        upserts.put("rectification_setting", Map.of("campaign_id", campaignId, "unit_head_max_severity", max.name(),
                "updated_by", by, "updated_at", Timestamp.from(at)), "campaign_id");
    }

    boolean empty() {
        return jdbc.sql("SELECT COUNT(*) FROM rectification_problem").query(Long.class).single() == 0;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Long task = rs.getObject("task_id", Long.class);
        Long notice = rs.getObject("notice_id", Long.class);
        return new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                ProblemSource.valueOf(rs.getString("source")), rs.getString("category"), rs.getString("description"),
                Severity.valueOf(rs.getString("severity")), rs.getDate("found_on").toLocalDate(), task,
                rs.getString("task_title"), notice, ProblemStatus.valueOf(rs.getString("status")),
                rs.getInt("reopen_count"), rs.getString("signed_off_by"), instant(rs, "signed_off_at"),
                rs.getString("signoff_reason"), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getInt("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<Long> ids(@Nullable String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }
}
