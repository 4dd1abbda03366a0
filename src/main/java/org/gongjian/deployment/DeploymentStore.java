package org.gongjian.deployment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.Like;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for batches and deployments. A deployment is in scope when its target or its source unit is (a township sees the
 * cadres sunk into it and the ones it sends); a batch when its owner unit is or one of its deployments is.
 */
@Repository
class DeploymentStore {

    private static final String SELECT = """
            SELECT d.*, b.name AS batch_name, su.name AS source_name, tu.name AS target_name,
                   (SELECT MAX(op.name) FROM org_person op WHERE op.person_id = d.person_id) AS person_name,
                   (SELECT MAX(op.name) FROM org_person op WHERE op.person_id = d.leader_person_id) AS leader_name
            FROM deployment d
            JOIN deployment_batch b ON b.id = d.batch_id
            JOIN org_unit_path su ON su.unit_id = d.source_unit_id
            JOIN org_unit_path tu ON tu.unit_id = d.target_unit_id
            """;
    private static final String IN_SCOPE = " (tu.path LIKE :scope OR su.path LIKE :scope) ";

    private final JdbcClient jdbc;

    DeploymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- batches -------------------------------------------------------------------------------------------------

    long insertBatch(String name, DeploymentKind kind, long ownerUnitId, LocalDate start, LocalDate end, String by,
                     Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO deployment_batch (name, kind, owner_unit_id, start_date, end_date, status, created_by, created_at)
                VALUES (:name, :kind, :owner, :start, :end, 'ACTIVE', :by, :at)""")
                .param("name", name).param("kind", kind.name()).param("owner", ownerUnitId)
                .param("start", Date.valueOf(start)).param("end", Date.valueOf(end)).param("by", by)
                .param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void putRule(long batchId, YearMonth from, int minDays) {
        int updated = jdbc.sql("UPDATE deployment_batch_rule SET min_days = :days WHERE batch_id = :b AND from_month = :m")
                .param("days", minDays).param("b", batchId).param("m", Date.valueOf(from.atDay(1))).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO deployment_batch_rule (batch_id, from_month, min_days) VALUES (:b, :m, :days)")
                    .param("days", minDays).param("b", batchId).param("m", Date.valueOf(from.atDay(1))).update();
        }
    }

    boolean batchNameTaken(long ownerUnitId, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM deployment_batch WHERE owner_unit_id = :o AND name = :n")
                .param("o", ownerUnitId).param("n", name).query(Long.class).single() > 0;
    }

    int updateBatchEnd(long id, LocalDate end, BatchStatus status) {
        return jdbc.sql("UPDATE deployment_batch SET end_date = :end, status = :status WHERE id = :id")
                .param("end", Date.valueOf(end)).param("status", status.name()).param("id", id).update();
    }

    /** Deployments of the batch running past the new end are cut to it (ending a batch ends them). */
    int cutDeployments(long batchId, LocalDate end) {
        return jdbc.sql("UPDATE deployment SET end_date = :end WHERE batch_id = :b AND end_date > :end")
                .param("end", Date.valueOf(end)).param("b", batchId).update();
    }

    /** Deployments that ended with the batch's old end are carried to the new one (extension). */
    int extendDeployments(long batchId, LocalDate oldEnd, LocalDate newEnd) {
        return jdbc.sql("UPDATE deployment SET end_date = :newEnd WHERE batch_id = :b AND end_date = :oldEnd")
                .param("newEnd", Date.valueOf(newEnd)).param("oldEnd", Date.valueOf(oldEnd)).param("b", batchId).update();
    }

    private static final String BATCH_SCOPE = """
             (o.path LIKE :scope OR EXISTS (SELECT 1 FROM deployment d JOIN org_unit_path tu ON tu.unit_id = d.target_unit_id
                 JOIN org_unit_path su ON su.unit_id = d.source_unit_id WHERE d.batch_id = b.id AND""" + IN_SCOPE + ")) ";

    Optional<BatchView> batch(long id, DataScope scope) {
        return jdbc.sql(batchSelect() + " WHERE b.id = :id AND" + BATCH_SCOPE)
                .param("id", id).param("scope", scope.likePattern()).query(this::mapBatch).optional();
    }

    List<BatchView> batches(DataScope scope) {
        return jdbc.sql(batchSelect() + " WHERE" + BATCH_SCOPE + " ORDER BY b.start_date DESC, b.id DESC LIMIT 200")
                .param("scope", scope.likePattern()).query(this::mapBatch).list();
    }

    private static String batchSelect() {
        return """
                SELECT b.*, o.name AS owner_name,
                       (SELECT COUNT(*) FROM deployment x WHERE x.batch_id = b.id) AS deployments
                FROM deployment_batch b JOIN org_unit_path o ON o.unit_id = b.owner_unit_id
                """;
    }

    Map<YearMonth, Integer> rules(long batchId) {
        Map<YearMonth, Integer> rules = new TreeMap<>();
        jdbc.sql("SELECT from_month, min_days FROM deployment_batch_rule WHERE batch_id = :b").param("b", batchId)
                .query((rs, n) -> rules.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getInt(2))).list();
        return rules;
    }

    Map<Long, Map<YearMonth, Integer>> rules(Collection<Long> batchIds) {
        Map<Long, Map<YearMonth, Integer>> all = new HashMap<>();
        if (batchIds.isEmpty()) {
            return all;
        }
        jdbc.sql("SELECT batch_id, from_month, min_days FROM deployment_batch_rule WHERE batch_id IN (:ids)")
                .param("ids", batchIds)
                .query((rs, n) -> all.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                        .put(YearMonth.from(rs.getDate(2).toLocalDate()), rs.getInt(3))).list();
        return all;
    }

    private BatchView mapBatch(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Map<YearMonth, Integer> rules = rules(id);
        return new BatchView(id, rs.getString("name"), DeploymentKind.valueOf(rs.getString("kind")),
                rs.getLong("owner_unit_id"), rs.getString("owner_name"), rs.getDate("start_date").toLocalDate(),
                rs.getDate("end_date").toLocalDate(), BatchStatus.valueOf(rs.getString("status")),
                rules.isEmpty() ? Presence.DEFAULT_MIN_DAYS : ((TreeMap<YearMonth, Integer>) rules).lastEntry().getValue(), rules, rs.getLong("deployments"));
    }

    // --- deployments ---------------------------------------------------------------------------------------------

    record NewDeployment(long batchId, DeploymentKind kind, @Nullable Long personId, long sourceUnitId,
                         long targetUnitId, LocalDate start, LocalDate end, String purpose, @Nullable Long leaderPersonId,
                         @Nullable BigDecimal latitude, @Nullable BigDecimal longitude, Instant at) {}

    long insert(NewDeployment d) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO deployment (batch_id, kind, person_id, source_unit_id, target_unit_id, start_date, end_date,
                    purpose, leader_person_id, site_latitude, site_longitude, created_at)
                VALUES (:batch, :kind, :person, :source, :target, :start, :end, :purpose, :leader, :lat, :lon, :at)""")
                .param("batch", d.batchId()).param("kind", d.kind().name()).param("person", d.personId(), Types.BIGINT)
                .param("source", d.sourceUnitId()).param("target", d.targetUnitId())
                .param("start", Date.valueOf(d.start())).param("end", Date.valueOf(d.end())).param("purpose", d.purpose())
                .param("leader", d.leaderPersonId(), Types.BIGINT).param("lat", d.latitude(), Types.DECIMAL)
                .param("lon", d.longitude(), Types.DECIMAL).param("at", Timestamp.from(d.at())).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void linkTasks(long deploymentId, Collection<Long> taskIds) {
        for (long task : taskIds) {
            jdbc.sql("INSERT INTO deployment_task (deployment_id, task_id) VALUES (:d, :t)")
                    .param("d", deploymentId).param("t", task).update();
        }
    }

    /** Another deployment of the same cadre overlapping [start, end]. */
    Optional<Long> overlapping(long personId, LocalDate start, LocalDate end, @Nullable Long exceptId) {
        return jdbc.sql("""
                SELECT MIN(id) FROM deployment WHERE person_id = :p AND start_date <= :end AND end_date >= :start
                AND id <> :except""")
                .param("p", personId).param("start", Date.valueOf(start)).param("end", Date.valueOf(end))
                .param("except", exceptId == null ? -1L : exceptId).query(Long.class).optional();
    }

    Optional<DeploymentView> find(long id, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE d.id = :id AND" + IN_SCOPE).param("id", id)
                .param("scope", scope.likePattern()).query(DeploymentStore::map).optional().map(this::withTasks);
    }

    record Filter(@Nullable Long batchId, @Nullable DeploymentKind kind, @Nullable Long personId,
                  @Nullable LocalDate activeOn, @Nullable String q) {}

    List<DeploymentView> page(Filter f, DataScope scope, PageQuery page) {
        var spec = where(f, scope);
        var sql = jdbc.sql(SELECT + spec.sql() + " ORDER BY d.start_date DESC, d.id DESC LIMIT :limit OFFSET :offset")
                .param("limit", page.size()).param("offset", page.offset());
        spec.params().forEach(sql::param);
        return sql.query(DeploymentStore::map).list().stream().map(this::withTasks).toList();
    }

    long count(Filter f, DataScope scope) {
        var spec = where(f, scope);
        var sql = jdbc.sql("SELECT COUNT(*) FROM deployment d JOIN org_unit_path su ON su.unit_id = d.source_unit_id "
                + "JOIN org_unit_path tu ON tu.unit_id = d.target_unit_id" + spec.sql());
        spec.params().forEach(sql::param);
        return sql.query(Long.class).single();
    }

    /** Every deployment in scope with a cadre, running at some point of [from, to] (presence, exports); at most 5,000. */
    List<DeploymentView> personalBetween(LocalDate from, LocalDate to, @Nullable Long batchId, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE d.person_id IS NOT NULL AND d.start_date <= :to AND d.end_date >= :from"
                        + " AND (CAST(:batch AS BIGINT) IS NULL OR d.batch_id = :batch) AND" + IN_SCOPE
                        + " ORDER BY su.name, d.id LIMIT 5000")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("batch", batchId, Types.BIGINT)
                .param("scope", scope.likePattern()).query(DeploymentStore::map).list();
    }

    /** A cadre's deployments, newest first. */
    List<DeploymentView> ofPerson(long personId) {
        return jdbc.sql(SELECT + " WHERE d.person_id = :p ORDER BY d.start_date DESC").param("p", personId)
                .query(DeploymentStore::map).list().stream().map(this::withTasks).toList();
    }

    private record Spec(String sql, Map<String, Object> params) {}

    private static Spec where(Filter f, DataScope scope) {
        StringBuilder sql = new StringBuilder(" WHERE" + IN_SCOPE);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scope", scope.likePattern());
        if (f.batchId() != null) {
            sql.append(" AND d.batch_id = :batch");
            params.put("batch", f.batchId());
        }
        if (f.kind() != null) {
            sql.append(" AND d.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.personId() != null) {
            sql.append(" AND d.person_id = :person");
            params.put("person", f.personId());
        }
        if (f.activeOn() != null) {
            sql.append(" AND d.start_date <= :on AND d.end_date >= :on");
            params.put("on", Date.valueOf(f.activeOn()));
        }
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" AND (tu.name LIKE :q ESCAPE '\\' OR su.name LIKE :q ESCAPE '\\' OR EXISTS (SELECT 1 FROM org_person op"
                    + " WHERE op.person_id = d.person_id AND op.name LIKE :q ESCAPE '\\'))");
            params.put("q", Like.contains(f.q()));
        }
        return new Spec(sql.toString(), params);
    }

    private DeploymentView withTasks(DeploymentView d) {
        List<DeploymentView.TaskRef> refs = jdbc.sql("""
                SELECT t.task_id, t.title FROM deployment_task dt JOIN campaign_task_ref t ON t.task_id = dt.task_id
                WHERE dt.deployment_id = :d ORDER BY t.task_id""").param("d", d.id())
                .query((rs, n) -> new DeploymentView.TaskRef(rs.getLong(1), rs.getString(2))).list();
        return d.withTasks(refs);
    }

    static DeploymentView map(ResultSet rs, int n) throws SQLException {
        return new DeploymentView(rs.getLong("id"), rs.getLong("batch_id"), rs.getString("batch_name"),
                DeploymentKind.valueOf(rs.getString("kind")), nullableLong(rs, "person_id"), rs.getString("person_name"),
                rs.getLong("source_unit_id"), rs.getString("source_name"), rs.getLong("target_unit_id"),
                rs.getString("target_name"), rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                rs.getString("purpose"), nullableLong(rs, "leader_person_id"), rs.getString("leader_name"),
                rs.getBigDecimal("site_latitude"), rs.getBigDecimal("site_longitude"), new ArrayList<>());
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    // --- work logs -----------------------------------------------------------------------------------------------

    record NewLog(long deploymentId, long personId, LocalDate date, long placeUnitId, String workDone,
                  @Nullable Long taskId, @Nullable String peopleMet, String by, Instant at) {}

    long insertLog(NewLog l) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO work_log (deployment_id, person_id, log_date, place_unit_id, work_done, task_id, people_met,
                    created_by, created_at)
                VALUES (:d, :p, :date, :place, :done, :task, :met, :by, :at)""")
                .param("d", l.deploymentId()).param("p", l.personId()).param("date", Date.valueOf(l.date()))
                .param("place", l.placeUnitId()).param("done", l.workDone()).param("task", l.taskId(), Types.BIGINT)
                .param("met", l.peopleMet(), Types.VARCHAR).param("by", l.by()).param("at", Timestamp.from(l.at()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertPhoto(long logId, long evidenceId, List<PhotoCheck.Flag> flags) {
        jdbc.sql("INSERT INTO work_log_photo (work_log_id, evidence_id, flags) VALUES (:l, :e, :f)")
                .param("l", logId).param("e", evidenceId)
                .param("f", String.join(",", flags.stream().map(Enum::name).toList())).update();
    }

    private static final String LOG_SELECT = """
            SELECT l.*, pu.name AS place_name, t.title AS task_title,
                   (SELECT MAX(op.name) FROM org_person op WHERE op.person_id = l.person_id) AS person_name
            FROM work_log l
            JOIN deployment d ON d.id = l.deployment_id
            JOIN org_unit_path su ON su.unit_id = d.source_unit_id
            JOIN org_unit_path tu ON tu.unit_id = d.target_unit_id
            JOIN org_unit_path pu ON pu.unit_id = l.place_unit_id
            LEFT JOIN campaign_task_ref t ON t.task_id = l.task_id
            """;

    Optional<WorkLogView> log(long id) {
        return jdbc.sql(LOG_SELECT + " WHERE l.id = :id").param("id", id).query(DeploymentStore::mapLog).optional()
                .map(this::withPhotos);
    }

    /** Logs of one deployment or one cadre (inside the scope), newest first. */
    List<WorkLogView> logs(@Nullable Long deploymentId, @Nullable Long personId, DataScope scope, PageQuery page) {
        return jdbc.sql(LOG_SELECT + " WHERE" + IN_SCOPE
                        + " AND (CAST(:d AS BIGINT) IS NULL OR l.deployment_id = :d) AND (CAST(:p AS BIGINT) IS NULL OR l.person_id = :p)"
                        + " ORDER BY l.log_date DESC, l.id DESC LIMIT :limit OFFSET :offset")
                .param("scope", scope.likePattern()).param("d", deploymentId, Types.BIGINT)
                .param("p", personId, Types.BIGINT).param("limit", page.size()).param("offset", page.offset())
                .query(DeploymentStore::mapLog).list().stream().map(this::withPhotos).toList();
    }

    long countLogs(@Nullable Long deploymentId, @Nullable Long personId, DataScope scope) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM work_log l JOIN deployment d ON d.id = l.deployment_id
                JOIN org_unit_path su ON su.unit_id = d.source_unit_id JOIN org_unit_path tu ON tu.unit_id = d.target_unit_id
                WHERE""" + IN_SCOPE + """
                 AND (CAST(:d AS BIGINT) IS NULL OR l.deployment_id = :d) AND (CAST(:p AS BIGINT) IS NULL OR l.person_id = :p)""")
                .param("scope", scope.likePattern()).param("d", deploymentId, Types.BIGINT)
                .param("p", personId, Types.BIGINT).query(Long.class).single();
    }

    /** The cadre's latest log (pre-fill). */
    Optional<WorkLogView> lastLog(long personId) {
        return jdbc.sql(LOG_SELECT + " WHERE l.person_id = :p ORDER BY l.log_date DESC, l.id DESC LIMIT 1")
                .param("p", personId).query(DeploymentStore::mapLog).optional();
    }

    /** Distinct log dates per deployment within [from, to]. */
    Map<Long, List<LocalDate>> logDates(Collection<Long> deploymentIds, LocalDate from, LocalDate to) {
        Map<Long, List<LocalDate>> dates = new HashMap<>();
        if (deploymentIds.isEmpty()) {
            return dates;
        }
        jdbc.sql("""
                SELECT DISTINCT deployment_id, log_date FROM work_log
                WHERE deployment_id IN (:ids) AND log_date BETWEEN :from AND :to""")
                .param("ids", deploymentIds).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> dates.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getDate(2).toLocalDate())).list();
        return dates;
    }

    private WorkLogView withPhotos(WorkLogView log) {
        List<WorkLogView.Photo> photos = jdbc.sql("""
                SELECT p.evidence_id, p.flags FROM work_log_photo p WHERE p.work_log_id = :l ORDER BY p.evidence_id""")
                .param("l", log.id())
                .query((rs, n) -> new WorkLogView.Photo(rs.getLong(1), "", flags(rs.getString(2)))).list();
        return log.withPhotos(photos);
    }

    static List<PhotoCheck.Flag> flags(String text) {
        List<PhotoCheck.Flag> flags = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                flags.add(PhotoCheck.Flag.valueOf(part));
            }
        }
        return flags;
    }

    static WorkLogView mapLog(ResultSet rs, int n) throws SQLException {
        return new WorkLogView(rs.getLong("id"), rs.getLong("deployment_id"), rs.getLong("person_id"),
                String.valueOf(rs.getString("person_name")), rs.getDate("log_date").toLocalDate(),
                rs.getLong("place_unit_id"), rs.getString("place_name"), rs.getString("work_done"),
                nullableLong(rs, "task_id"), rs.getString("task_title"), rs.getString("people_met"), List.of(),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    // --- reminders -----------------------------------------------------------------------------------------------

    /** Records the reminder; false when this deployment was already reminded for the month. */
    boolean markReminded(long deploymentId, YearMonth month, int days, int required, Instant at) {
        long done = jdbc.sql("SELECT COUNT(*) FROM presence_reminder WHERE deployment_id = :d AND for_month = :m")
                .param("d", deploymentId).param("m", Date.valueOf(month.atDay(1))).query(Long.class).single();
        if (done > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO presence_reminder (deployment_id, for_month, days, required_days, sent_at)
                VALUES (:d, :m, :days, :req, :at)""")
                .param("d", deploymentId).param("m", Date.valueOf(month.atDay(1))).param("days", days)
                .param("req", required).param("at", Timestamp.from(at)).update();
        return true;
    }
}
