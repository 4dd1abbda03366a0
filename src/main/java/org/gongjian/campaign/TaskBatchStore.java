package org.gongjian.campaign;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gongjian.shared.DatabaseKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@link TaskBatchCreation}: the same rows {@link TaskStore#insert}, {@link IndicatorStore#replace} and
 * {@link MilestoneStore#replace} write for one fresh task, written for many tasks as JDBC batches of up to
 * {@value #BATCH} rows (one round trip each instead of one per row).
 */
@Repository
class TaskBatchStore {

    static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final org.gongjian.shared.CustomPlans plans;
    private final DatabaseKind database;

    TaskBatchStore(JdbcClient jdbc, JdbcTemplate batch, org.gongjian.shared.CustomPlans plans, DatabaseKind database) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.plans = plans;
        this.database = database;
    }

    /** One task to insert: its command, its parent's index in the same list (or null) and its computed progress. */
    record Row(TaskCommand command, @Nullable Integer parent, BigDecimal progress) {}

    /** Which of these titles top-level tasks of the campaign already carry (one statement per {@value #BATCH}). */
    Set<String> topLevelTitlesTaken(long campaignId, Collection<String> titles) {
        Set<String> taken = new HashSet<>();
        // The same 1,000-title statement runs ten times per 10,000 rows, twice per import (the workbook's check, then
        // createAll's): from the sixth run a generic plan took ~1 s each, planned for its titles 10–40 ms.
        plans.forThisTransaction();
        for (List<String> slice : slices(List.copyOf(new HashSet<>(titles)))) {
            taken.addAll(jdbc.sql("""
                    SELECT t.title FROM task t
                    WHERE t.campaign_id = :campaign AND t.parent_task_id IS NULL AND t.title IN (:titles)""")
                    .param("campaign", campaignId).param("titles", slice).query(String.class).list());
        }
        return taken;
    }

    /**
     * Inserts the tasks in list order, so ids follow the list as one-by-one creation would have them (a parent before
     * its subtasks, a subtask next to its siblings).
     * @return the new ids, in list order
     */
    long[] insertTasks(long campaignId, List<Row> rows, Instant now) {
        Timestamp at = Timestamp.from(now);
        return database.postgres() ? insertWithDrawnIds(campaignId, rows, at) : insertReturningIds(campaignId, rows, at);
    }

    /**
     * PostgreSQL: the ids are drawn from the task id's sequence first (ascending, so in list order) and every row is
     * inserted with its parent's id known. Asking for generated keys instead would keep the driver from sending the
     * batch as multi-row INSERTs (one statement per task, each running task_tally's statement trigger: ~2 s of the
     * 10,000-row import), and a subtask whose parent is in the same batch would need an UPDATE of its own.
     */
    private long[] insertWithDrawnIds(long campaignId, List<Row> rows, Timestamp at) {
        long[] ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('task', 'id')) FROM generate_series(1, :n)")
                .param("n", rows.size()).query(Long.class).list().stream().mapToLong(Long::longValue).sorted().toArray();
        List<Object[]> values = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Integer parent = rows.get(i).parent();
            values.add(taskValues(ids[i], campaignId, parent == null ? null : ids[parent], rows.get(i), at));
        }
        update("INSERT INTO task (id, " + TASK_COLUMNS + ") VALUES (?, " + TASK_VALUES + ")", values, TASK_TYPES);
        return ids;
    }

    /**
     * H2 (no sequence to draw from by the column's name): each batch returns its generated ids; a subtask whose parent
     * is in the same batch gets its parent in one batched update once the batch has its ids.
     */
    private long[] insertReturningIds(long campaignId, List<Row> rows, Timestamp at) {
        long[] ids = new long[rows.size()];
        for (int from = 0; from < rows.size(); from += BATCH) {
            int start = from;
            List<Row> slice = rows.subList(from, Math.min(rows.size(), from + BATCH));
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            batch.batchUpdate(con -> con.prepareStatement("INSERT INTO task (" + TASK_COLUMNS + ") VALUES ("
                            + TASK_VALUES + ")", new String[] {"id"}),
                    new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                            Integer parent = slice.get(i).parent();
                            Object[] values = taskValues(0, campaignId, parent != null && parent < start ? ids[parent] : null,
                                    slice.get(i), at);
                            for (int c = 1; c < values.length; c++) {
                                StatementCreatorUtils.setParameterValue(ps, c, TASK_TYPES[c], values[c]);
                            }
                        }

                        @Override
                        public int getBatchSize() {
                            return slice.size();
                        }
                    }, keys);
            List<Map<String, Object>> generated = keys.getKeyList();
            if (generated.size() != slice.size()) {
                throw new IllegalStateException("expected " + slice.size() + " task ids, got " + generated.size());
            }
            for (int i = 0; i < slice.size(); i++) {
                ids[start + i] = ((Number) generated.get(i).values().iterator().next()).longValue();
            }
            List<Object[]> parents = new ArrayList<>();
            for (int i = 0; i < slice.size(); i++) {
                Integer parent = slice.get(i).parent();
                if (parent != null && parent >= start) {
                    parents.add(new Object[] {ids[parent], ids[start + i]});
                }
            }
            if (!parents.isEmpty()) {
                batch.batchUpdate("UPDATE task SET parent_task_id = ? WHERE id = ?", parents);
            }
        }
        return ids;
    }

    private static final String TASK_COLUMNS = """
            campaign_id, parent_task_id, title, description, category, lead_unit_id, lead_leader_id, weight,
            start_date, due_date, light, progress, created_at, updated_at, version""";
    private static final String TASK_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0";
    /** The types of {@link #taskValues}: the id, then the parameters of {@link #TASK_VALUES}. */
    private static final int[] TASK_TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.NUMERIC, Types.DATE, Types.DATE, Types.NUMERIC,
            Types.TIMESTAMP, Types.TIMESTAMP};

    private static Object[] taskValues(long id, long campaignId, @Nullable Long parentId, Row row, Timestamp at) {
        TaskCommand c = row.command();
        return new Object[] {id, campaignId, parentId, c.title().trim(), c.description(), c.category(), c.leadUnitId(),
                c.leadLeaderId(), c.weightOrDefault(), Date.valueOf(c.startDate()), Date.valueOf(c.dueDate()),
                row.progress(), at, at};
    }

    /** Cooperating units, indicators (with their trajectories) and milestones of the fresh tasks {@code ids}. */
    void insertDetails(long[] ids, List<Row> rows) {
        List<Object[]> cooperating = new ArrayList<>();
        List<Object[]> milestones = new ArrayList<>();
        List<Object[]> indicators = new ArrayList<>();
        List<TaskCommand.IndicatorInput> withTrajectory = new ArrayList<>();
        List<Object[]> indicatorsWithTrajectory = new ArrayList<>();
        for (int t = 0; t < rows.size(); t++) {
            TaskCommand c = rows.get(t).command();
            for (Long unit : c.cooperatingUnitList()) {
                cooperating.add(new Object[] {ids[t], unit});
            }
            int sort = 0;
            for (TaskCommand.IndicatorInput in : c.indicatorList()) {
                Object[] values = {ids[t], in.name().trim(), in.unit().trim(), in.baseline(), in.target(),
                        in.direction().name(), sort++};
                if (in.trajectory() == null) {
                    indicators.add(values);
                } else {
                    indicatorsWithTrajectory.add(values);
                    withTrajectory.add(in);
                }
            }
            sort = 0;
            for (TaskCommand.MilestoneInput m : c.milestoneList()) {
                milestones.add(new Object[] {ids[t], m.title().trim(), Date.valueOf(m.dueDate()),
                        m.doneDate() == null ? null : Date.valueOf(m.doneDate()), sort++});
            }
        }
        String indicatorSql = """
                INSERT INTO indicator (task_id, name, unit, baseline, target, actual, direction, sort_order)
                VALUES (?, ?, ?, ?, ?, NULL, ?, ?)""";
        update("INSERT INTO task_cooperating_unit (task_id, unit_id) VALUES (?, ?)", cooperating,
                new int[] {Types.BIGINT, Types.BIGINT});
        int[] indicatorTypes = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR,
                Types.INTEGER};
        update(indicatorSql, indicators, indicatorTypes);
        // Trajectories are rare (the API's, never the workbook's): their indicators are inserted one by one for the
        // id the points hang on, as IndicatorStore does.
        List<Object[]> points = new ArrayList<>();
        for (int i = 0; i < indicatorsWithTrajectory.size(); i++) {
            Object[] v = indicatorsWithTrajectory.get(i);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql(indicatorSql).params(v).update(key, "id");
            long indicatorId = key.getKeyAs(Number.class).longValue();
            // one point per date, the last given for a date winning, in date order (as IndicatorStore stores them)
            Map<java.time.LocalDate, BigDecimal> byDate = new TreeMap<>();
            withTrajectory.get(i).trajectoryPoints().forEach(p -> byDate.put(p.date(), p.value()));
            byDate.forEach((date, value) -> points.add(new Object[] {indicatorId, Date.valueOf(date), value}));
        }
        update("INSERT INTO indicator_point (indicator_id, on_date, planned_value) VALUES (?, ?, ?)", points,
                new int[] {Types.BIGINT, Types.DATE, Types.NUMERIC});
        update("INSERT INTO milestone (task_id, title, due_date, done_date, sort_order) VALUES (?, ?, ?, ?, ?)",
                milestones, new int[] {Types.BIGINT, Types.VARCHAR, Types.DATE, Types.DATE, Types.INTEGER});
    }

    /** The history line each fresh task gets, as {@link TaskStore#recordChange} writes it. */
    void recordCreations(long[] ids, List<Row> rows, Instant at, String actor) {
        List<Object[]> changes = new ArrayList<>();
        Timestamp when = Timestamp.from(at);
        for (int t = 0; t < rows.size(); t++) {
            String title = rows.get(t).command().title().trim();
            changes.add(new Object[] {ids[t], when, actor, "创建", null,
                    title.length() <= 4000 ? title : title.substring(0, 3999) + "…"});
        }
        update("""
                INSERT INTO task_change (task_id, occurred_at, actor, field, before_value, after_value)
                VALUES (?, ?, ?, ?, ?, ?)""", changes,
                new int[] {Types.BIGINT, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
    }

    private void update(String sql, List<Object[]> rows, int[] types) {
        for (List<Object[]> slice : slices(rows)) {
            batch.batchUpdate(sql, slice, types);
        }
    }

    static <T> List<List<T>> slices(List<T> all) {
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            slices.add(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        return slices;
    }
}
