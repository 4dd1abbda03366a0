package org.gongjian.supervision;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.Light;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DatabaseKind;
import org.gongjian.shared.SqlArrays;
import org.gongjian.shared.Upserts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for supervision's light history and the incrementally maintained light counts. */
@Repository
class LightStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DatabaseKind database;
    private final Upserts upserts;

    LightStore(JdbcClient jdbc, JdbcTemplate batch, DatabaseKind database, Upserts upserts) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.database = database;
        this.upserts = upserts;
    }

    /**
     * The history and count writes of one evaluation, collected while it runs and sent by {@link #write} as JDBC
     * batches: a first evaluation of 100,000 new tasks is a few hundred round trips, not several per task.
     */
    static final class Writes {

        private record Closing(long periodId, LocalDate until) {}

        private record Opening(long taskId, long campaignId, Light light, List<String> reasons, LocalDate since) {}

        /**
         * A state row to write: the task's new count key and next check ({@code null}: a fact changed, evaluate at the
         * next run), with what the evaluation read for it ({@code from}, {@code readRecheck}; no {@code from} for a new
         * row).
         */
        private record Counted(long taskId, @Nullable CountKey from, @Nullable LocalDate readRecheck, CountKey key,
                               @Nullable LocalDate recheckOn) {

            /** Whether the count key changes, not only the check date. */
            boolean moves() {
                return !key.equals(from);
            }
        }

        private final List<Closing> closings = new ArrayList<>();
        private final List<Opening> openings = new ArrayList<>();
        private final List<Counted> inserted = new ArrayList<>();
        private final List<Counted> moved = new ArrayList<>();
        private final Map<CountKey, Integer> deltas = new LinkedHashMap<>();

        void close(long periodId, LocalDate until) {
            closings.add(new Closing(periodId, until));
        }

        void open(long taskId, long campaignId, Light light, List<String> reasons, LocalDate since) {
            openings.add(new Opening(taskId, campaignId, light, reasons, since));
        }

        /**
         * Moves the task from the count it was read under ({@code read}; none: not counted yet) to its new one
         * (decrement old, increment new), with its next check.
         */
        void move(long taskId, @Nullable State read, CountKey to, LocalDate recheckOn) {
            if (read != null) {
                deltas.merge(read.key(), -1, Integer::sum);
                moved.add(new Counted(taskId, read.key(), read.recheckOn(), to, recheckOn));
            } else {
                inserted.add(new Counted(taskId, null, null, to, recheckOn));
            }
            deltas.merge(to, 1, Integer::sum);
        }

        /**
         * A counted task whose count stays but whose next check moves ({@link LightRecheck}): written with the moves,
         * as one statement in one order (see {@link #write}).
         */
        void recheck(long taskId, State read, LocalDate on) {
            moved.add(new Counted(taskId, read.key(), read.recheckOn(), read.key(), on));
        }
    }

    private static final int BATCH = 1_000;

    /** Up to this many moved rows (an approval's chain) go as a batch on PostgreSQL too: as cheap, one statement less. */
    private static final int FEW_ROWS = 8;

    /** Sends what an evaluation collected, in batches of {@value #BATCH} rows (same transaction as the caller). */
    void write(Writes w) {
        batched("UPDATE task_light_period SET until_date = ? WHERE id = ?", w.closings,
                c -> new Object[] {Date.valueOf(c.until()), c.periodId()});
        batched("""
                INSERT INTO task_light_period (task_id, campaign_id, light, reasons, since_date, until_date)
                VALUES (?, ?, ?, ?, ?, NULL)""", w.openings, o -> new Object[] {o.taskId(), o.campaignId(),
                o.light().name(), joined(o.reasons()), Date.valueOf(o.since())});
        batched("""
                INSERT INTO task_light_state (campaign_id, unit_id, category, top_level, light, recheck_on, task_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", byTaskDescending(w.inserted), c -> stateRow(c));
        // a task's state row is not covered by its task row's lock (a run that only moves a check date does not touch
        // the task), so state rows too are taken in one order by every writer: descending task id (factsChanged)
        List<Writes.Counted> moved = reconciled(byTaskDescending(w.moved), w.deltas);
        if (database.postgres() && moved.size() > FEW_ROWS) {
            moveBySlice(moved);
        } else {
            batched("""
                    UPDATE task_light_state SET campaign_id = ?, unit_id = ?, category = ?, top_level = ?, light = ?,
                        recheck_on = ?
                    WHERE task_id = ?""", moved, c -> stateRow(c));
        }
        // in one order for every writer (an approval's re-light, the daily run), so two never wait on each other's rows
        List<Map.Entry<CountKey, Integer>> deltas = w.deltas.entrySet().stream().filter(e -> e.getValue() != 0)
                .sorted(Map.Entry.comparingByKey(CountKey.ORDER)).toList();
        List<Map.Entry<CountKey, Integer>> missing = new ArrayList<>();
        for (int from = 0; from < deltas.size(); from += BATCH) {
            List<Map.Entry<CountKey, Integer>> slice = deltas.subList(from, Math.min(deltas.size(), from + BATCH));
            int[] rows = batch.batchUpdate("""
                    UPDATE light_count SET task_count = task_count + ?
                    WHERE campaign_id = ? AND unit_id = ? AND category = ? AND top_level = ? AND light = ?""",
                    slice.stream().map(e -> {
                        CountKey k = e.getKey();
                        return new Object[] {e.getValue(), k.campaignId(), k.unitId(), k.category(), k.topLevel(),
                                k.light().name()};
                    }).toList());
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] == 0) {
                    missing.add(slice.get(i));
                }
            }
        }
        // Two writers can both find a key missing (the first tasks of a new unit lit at once); the second's insert
        // then waits on the first's and would fail on the key. On PostgreSQL it adds to the row the first made (its
        // statement triggers see an insert or an update, so the roll-up follows either way).
        batched(database.postgres() ? """
                INSERT INTO light_count (campaign_id, unit_id, category, top_level, light, task_count)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign_id, unit_id, category, top_level, light)
                DO UPDATE SET task_count = light_count.task_count + EXCLUDED.task_count""" : """
                INSERT INTO light_count (campaign_id, unit_id, category, top_level, light, task_count)
                VALUES (?, ?, ?, ?, ?, ?)""", missing, e -> keyRow(e.getKey(), e.getValue()));
    }

    /**
     * The state rows to rewrite, checked against what they hold now. An evaluation reads them without a lock and writes
     * them seconds later (a whole campaign); an approval may have re-lit one of its tasks in between. So the rows are
     * locked first — in descending task id, the one order of every writer (an UPDATE takes them in whatever order its
     * plan reads) — and read again:
     * <ul>
     * <li>a row whose key another writer moved: a move still goes to its new key, but the count decremented is the
     * one the row holds now (the other writer's counts have committed), else the counts drift for good; a check date
     * alone is dropped (the other writer's evaluation is the newer);</li>
     * <li>a row whose check was cleared since it was read (a report submitted: facts changed) stays cleared, so the
     * next run evaluates the task with the new facts.</li>
     * </ul>
     */
    private List<Writes.Counted> reconciled(List<Writes.Counted> rows, Map<CountKey, Integer> deltas) {
        Map<Long, State> now = new HashMap<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Writes.Counted> slice = rows.subList(from, Math.min(rows.size(), from + BATCH));
            Long[] ids = slice.stream().map(Writes.Counted::taskId).toArray(Long[]::new);
            RowCallbackHandler read = rs -> now.put(rs.getLong("task_id"), state(rs));
            if (database.postgres()) {
                batch.query(SqlArrays.statement("""
                        SELECT * FROM task_light_state WHERE task_id = ANY(?)
                        ORDER BY task_id DESC FOR NO KEY UPDATE""", SqlArrays.of("bigint", ids)), read);
            } else {
                batch.query("SELECT * FROM task_light_state WHERE task_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(ids.length, "?"))
                        + ") ORDER BY task_id DESC FOR UPDATE", read, (Object[]) ids);
            }
        }
        List<Writes.Counted> checked = new ArrayList<>();
        for (Writes.Counted row : rows) {
            State held = now.get(row.taskId());
            if (held == null) {
                continue;   // no state row: tasks are never deleted, so nothing to write
            }
            boolean movedSince = !held.key().equals(row.from());
            if (movedSince && !row.moves()) {
                continue;
            }
            if (movedSince) {
                deltas.merge(row.from(), 1, Integer::sum);
                deltas.merge(held.key(), -1, Integer::sum);
            }
            boolean clearedSince = held.recheckOn() == null && row.readRecheck() != null;
            checked.add(new Writes.Counted(row.taskId(), held.key(), held.recheckOn(), row.key(),
                    clearedSince ? null : row.recheckOn()));
        }
        return checked;
    }

    /**
     * PostgreSQL: the moved state rows a slice at a time, each slice one UPDATE over arrays instead of a batch of one
     * statement per row (a day that moves the check dates of 40,000 tasks behind plan sent 40,000); locked by
     * {@link #reconciled} before.
     */
    private void moveBySlice(List<Writes.Counted> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Writes.Counted> slice = rows.subList(from, Math.min(rows.size(), from + BATCH));
            Long[] ids = slice.stream().map(Writes.Counted::taskId).toArray(Long[]::new);
            batch.update(SqlArrays.statement("""
                    UPDATE task_light_state s SET campaign_id = v.campaign_id, unit_id = v.unit_id,
                        category = v.category, top_level = v.top_level, light = v.light, recheck_on = v.recheck_on
                    FROM unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::boolean[], ?::varchar[], ?::date[],
                        ?::bigint[]) AS v (campaign_id, unit_id, category, top_level, light, recheck_on, task_id)
                    WHERE s.task_id = v.task_id""",
                    SqlArrays.of("bigint", slice.stream().map(c -> c.key().campaignId()).toArray(Long[]::new)),
                    SqlArrays.of("bigint", slice.stream().map(c -> c.key().unitId()).toArray(Long[]::new)),
                    SqlArrays.of("varchar", slice.stream().map(c -> c.key().category()).toArray(String[]::new)),
                    SqlArrays.of("boolean", slice.stream().map(c -> c.key().topLevel()).toArray(Boolean[]::new)),
                    SqlArrays.of("varchar", slice.stream().map(c -> c.key().light().name()).toArray(String[]::new)),
                    SqlArrays.of("date", slice.stream().map(c -> date(c.recheckOn())).toArray(Date[]::new)),
                    SqlArrays.of("bigint", ids)));
        }
    }

    private static List<Writes.Counted> byTaskDescending(List<Writes.Counted> rows) {
        return rows.stream().sorted(java.util.Comparator.comparingLong(Writes.Counted::taskId).reversed()).toList();
    }

    private static Object[] stateRow(Writes.Counted c) {
        CountKey k = c.key();
        return new Object[] {k.campaignId(), k.unitId(), k.category(), k.topLevel(), k.light().name(),
                date(c.recheckOn()), c.taskId()};
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    /** One row of {@code task_light_state}, as the counts hold it. */
    private static State state(java.sql.ResultSet rs) throws java.sql.SQLException {
        // a LocalDate straight from the driver: getDate goes through a Calendar, a tenth of a whole run's reads
        return new State(new CountKey(rs.getLong("campaign_id"), rs.getLong("unit_id"), rs.getString("category"),
                rs.getBoolean("top_level"), Light.valueOf(rs.getString("light"))),
                rs.getObject("recheck_on", LocalDate.class));
    }

    private static Object[] keyRow(CountKey k, long last) {
        return new Object[] {k.campaignId(), k.unitId(), k.category(), k.topLevel(), k.light().name(), last};
    }

    private <T> void batched(String sql, List<T> rows, java.util.function.Function<T, Object[]> row) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            batch.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)).stream().map(row).toList());
        }
    }

    record Period(long id, long taskId, Light light, List<String> reasons, LocalDate since, @Nullable LocalDate until) {}

    /**
     * A task's current stretch as an evaluation needs it: which row to close, its light and since when. Not its
     * reasons: a whole evaluation read and split 100,000 of them only to compare lights (issue #18).
     */
    record OpenPeriod(long id, Light light, LocalDate since) {}

    /** The current stretch of each of the given tasks that has one, in one query. */
    Map<Long, OpenPeriod> current(java.util.Collection<Long> taskIds) {
        return currentWhere("task_id IN (:tasks)", Map.of("tasks", taskIds));
    }

    /** The current stretch of every task of a campaign that has one (one query for the whole evaluation). */
    Map<Long, OpenPeriod> currentOfCampaign(long campaignId) {
        return currentWhere("campaign_id = :campaign", Map.of("campaign", campaignId));
    }

    private Map<Long, OpenPeriod> currentWhere(String condition, Map<String, ?> params) {
        Map<Long, OpenPeriod> byTask = new HashMap<>();
        // in id order: should a task hold two open rows, the later one wins, as before
        jdbc.sql("SELECT id, task_id, light, since_date FROM task_light_period WHERE " + condition
                        + " AND until_date IS NULL ORDER BY id")
                .params(params).query(rs -> {
                    byTask.put(rs.getLong(2), new OpenPeriod(rs.getLong(1), Light.valueOf(rs.getString(3)),
                            rs.getObject(4, LocalDate.class)));
                });
        return byTask;
    }

    /** What the counts hold for every counted task of a campaign. */
    Map<Long, State> countedOfCampaign(long campaignId) {
        return countedWhere("campaign_id = :campaign", Map.of("campaign", campaignId));
    }

    private Map<Long, State> countedWhere(String condition, Map<String, ?> params) {
        Map<Long, State> byTask = new HashMap<>();
        jdbc.sql("SELECT * FROM task_light_state WHERE " + condition).params(params)
                .query(rs -> {
                    byTask.put(rs.getLong("task_id"), state(rs));
                });
        return byTask;
    }

    /**
     * A counted task: what the counts hold for it, and the day it is next due for evaluation ({@link #NEVER}: no
     * date alone changes its light; null: a fact changed since, evaluate at the next run).
     */
    record State(CountKey key, @Nullable LocalDate recheckOn) {}

    static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

    /** The next check of every counted task of a campaign (null: a fact changed), one narrow query. */
    Map<Long, @Nullable LocalDate> rechecksOfCampaign(long campaignId) {
        Map<Long, @Nullable LocalDate> byTask = new HashMap<>();
        jdbc.sql("SELECT task_id, recheck_on FROM task_light_state WHERE campaign_id = :campaign")
                .param("campaign", campaignId).query(rs -> {
                    byTask.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                });
        return byTask;
    }

    /**
     * What a daily run of a campaign starts from: the counted tasks due ({@code recheck_on} null — a fact changed — or,
     * unless {@code upTo} is null, on or before it) and how many tasks are counted at all, in one statement through
     * the check-date index. A quiet day read every counted task's date and every task id (200,000 rows at 100,000
     * tasks) to find none due.
     */
    Due dueOfCampaign(long campaignId, @Nullable LocalDate upTo) {
        List<Long> due = new ArrayList<>();
        long[] counted = new long[1];
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        if (upTo != null) {
            params.put("upTo", Date.valueOf(upTo));
        }
        jdbc.sql("SELECT 0 AS due, COUNT(*) FROM task_light_state WHERE campaign_id = :campaign"
                + " UNION ALL SELECT 1, task_id FROM task_light_state WHERE campaign_id = :campaign AND (recheck_on IS NULL"
                + (upTo == null ? ")" : " OR recheck_on <= :upTo)")).params(params).query(rs -> {
                    if (rs.getInt(1) == 0) {
                        counted[0] = rs.getLong(2);
                    } else {
                        due.add(rs.getLong(2));
                    }
                });
        return new Due(due, counted[0]);
    }

    record Due(List<Long> taskIds, long counted) {}

    /**
     * A fact of these tasks changed (a report submitted, an actual fed): evaluate them at the next daily run. One row
     * per statement of one batch, in descending task id like {@link #write}: an {@code UPDATE … IN} locks in whatever
     * order its plan reads, and a run writing the same rows in another order could deadlock with it.
     */
    void factsChanged(java.util.Collection<Long> taskIds) {
        List<Object[]> rows = taskIds.stream().distinct().sorted(java.util.Comparator.reverseOrder())
                .map(id -> new Object[] {id}).toList();
        for (int from = 0; from < rows.size(); from += BATCH) {
            batch.batchUpdate("UPDATE task_light_state SET recheck_on = NULL WHERE task_id = ? AND recheck_on IS NOT NULL",
                    rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    /**
     * What an incremental run of a campaign relies on: the campaign's own facts when its tasks' checks were last all
     * computed (a change of thresholds or reporting dates re-evaluates every task), the day of the last run, and
     * of the last full one.
     */
    record Mark(String fingerprint, LocalDate evaluatedOn, LocalDate fullOn) {}

    java.util.Optional<Mark> mark(long campaignId) {
        return jdbc.sql("SELECT fingerprint, evaluated_on, full_on FROM light_campaign_mark WHERE campaign_id = :c")
                .param("c", campaignId).query((rs, n) -> new Mark(rs.getString(1), rs.getDate(2).toLocalDate(),
                        rs.getDate(3).toLocalDate())).optional();
    }

    /** One statement: a campaign's first two evaluations at once both land (the second's mark is kept). */
    void mark(long campaignId, Mark mark) {
        upserts.put("light_campaign_mark", Map.of("campaign_id", campaignId, "fingerprint", mark.fingerprint(),
                "evaluated_on", Date.valueOf(mark.evaluatedOn()), "full_on", Date.valueOf(mark.fullOn())),
                "campaign_id");
    }

    List<Period> history(long taskId, int limit) {
        return jdbc.sql("SELECT * FROM task_light_period WHERE task_id = :task ORDER BY since_date DESC, id DESC LIMIT :limit")
                .param("task", taskId).param("limit", limit).query(LightStore::period).list();
    }

    /** What the counts hold for a task: its light under its lead unit and category. */
    record CountKey(long campaignId, long unitId, String category, boolean topLevel, Light light) {

        /** The order count rows are written in (see {@link #write}). */
        static final java.util.Comparator<CountKey> ORDER = java.util.Comparator.comparingLong(CountKey::campaignId)
                .thenComparingLong(CountKey::unitId).thenComparing(CountKey::category)
                .thenComparing(CountKey::topLevel).thenComparing(CountKey::light);
    }

    Map<Long, State> counted(java.util.Collection<Long> taskIds) {
        return countedWhere("task_id IN (:tasks)", Map.of("tasks", taskIds));
    }

    /** One row of the counts: tasks a unit leads in a category with a light. */
    record CountRow(long unitId, String unitName, String category, boolean topLevel, Light light, long tasks) {}

    /** O(units × categories × lights) rows, whatever the number of tasks; only units inside the scope. */
    List<CountRow> counts(long campaignId, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        String scoped = "";
        if (!scope.isEverything()) {
            scoped = " AND u.path LIKE :scope";
            params.put("scope", scope.likePattern());
        }
        return jdbc.sql("""
                SELECT c.unit_id, u.name AS unit_name, c.category, c.top_level, c.light, c.task_count
                FROM light_count c JOIN org_unit_path u ON u.unit_id = c.unit_id
                WHERE c.campaign_id = :campaign AND c.task_count > 0""" + scoped + " ORDER BY u.path, c.category")
                .params(params)
                .query((rs, n) -> new CountRow(rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("category"),
                        rs.getBoolean("top_level"), Light.valueOf(rs.getString("light")), rs.getLong("task_count")))
                .list();
    }

    /** Tasks of a campaign holding a light now, longest first, whose lead unit is inside the scope (at most 2,000). */
    List<Period> holding(long campaignId, Light light, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("light", light.name());
        return jdbc.sql("SELECT p.*" + holdingFrom(campaignId, scope, params) + " AND p.light = :light"
                        + " ORDER BY p.since_date, p.task_id LIMIT 2000")
                .params(params).query(LightStore::period).list();
    }

    /** How many tasks of a campaign hold each light now, lead unit inside the scope (the list's totals). */
    Map<Light, Long> holdingCounts(long campaignId, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        Map<Light, Long> counts = new java.util.EnumMap<>(Light.class);
        jdbc.sql("SELECT p.light, COUNT(*)" + holdingFrom(campaignId, scope, params) + " GROUP BY p.light")
                .params(params).query(rs -> {
                    counts.put(Light.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    private static String holdingFrom(long campaignId, DataScope scope, Map<String, Object> params) {
        params.put("campaign", campaignId);
        String scoped = "";
        if (!scope.isEverything()) {
            scoped = " AND s.unit_id IN (SELECT u.unit_id FROM org_unit_path u WHERE u.path LIKE :scope)";
            params.put("scope", scope.likePattern());
        }
        return " FROM task_light_period p JOIN task_light_state s ON s.task_id = p.task_id"
                + " WHERE p.campaign_id = :campaign AND p.until_date IS NULL" + scoped;
    }

    /** A task red without a break since the date: what the escalation rules key a 催办 on. */
    record RedStretch(long taskId, LocalDate since) {}

    /**
     * Tasks red without a break since on or before the date (the escalation rule's candidates), longest first. Not
     * their reasons: a run read and split every long-red task's reasons each morning only to drop them.
     */
    List<RedStretch> redSince(LocalDate onOrBefore) {
        return jdbc.sql("""
                SELECT task_id, since_date FROM task_light_period
                WHERE until_date IS NULL AND light = 'RED' AND since_date <= :cutoff
                ORDER BY since_date, task_id""").param("cutoff", Date.valueOf(onOrBefore))
                .query((rs, n) -> new RedStretch(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
    }

    private static Map<String, Object> keyParams(CountKey key) {
        return Map.of("campaign", key.campaignId(), "unit", key.unitId(), "category", key.category(),
                "top", key.topLevel(), "light", key.light().name());
    }

    static String joined(List<String> reasons) {
        String text = String.join("\n", reasons);
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

    private static Period period(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Date until = rs.getDate("until_date");
        String reasons = rs.getString("reasons");
        return new Period(rs.getLong("id"), rs.getLong("task_id"), Light.valueOf(rs.getString("light")),
                reasons.isBlank() ? List.of() : List.of(reasons.split("\n")), rs.getDate("since_date").toLocalDate(),
                until == null ? null : until.toLocalDate());
    }
}
