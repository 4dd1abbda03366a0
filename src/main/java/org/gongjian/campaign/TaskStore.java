package org.gongjian.campaign;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.DatabaseKind;
import org.gongjian.shared.Like;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.gongjian.shared.SqlArrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for tasks. A task is in a user's scope when its lead unit or one of its cooperating units is; the scope is
 * part of every query, so an out-of-scope id is simply not found.
 */
@Repository
class TaskStore {

    private static final String ROW = rowsOf("task t");

    /** A scoped list's tasks whose lead unit is in the scope (%1$s: the scope's pattern as a literal). */
    private static final String LEAD_IN_SCOPE =
            " AND t.lead_unit_id IN (SELECT s.unit_id FROM org_unit_path s WHERE s.path LIKE %1$s)";

    /** Tasks led outside the scope (%1$s as above): the cooperating set's first half. */
    private static final String LEAD_OUTSIDE_SCOPE =
            " AND t.lead_unit_id IN (SELECT o.unit_id FROM org_unit_path o WHERE o.path NOT LIKE %1$s)";

    /**
     * A scoped list's other tasks: lead unit outside the scope, a cooperating unit in it. Both sides are written as a
     * set of units so that PostgreSQL can start from whichever is smaller (a county: the few units outside it; a
     * township: its own units' cooperations).
     */
    private static final String COOPERATING_IN_SCOPE = LEAD_OUTSIDE_SCOPE + """

            AND t.id IN (SELECT cu.task_id FROM task_cooperating_unit cu
                         JOIN org_unit_path cs ON cs.unit_id = cu.unit_id WHERE cs.path LIKE %1$s)""";

    /**
     * The same set on PostgreSQL, its cooperations read first as an array and the tasks then fetched by key. As a
     * semi-join PostgreSQL merged the cooperations with the task key index filtered by campaign, guessing that the
     * campaign's tasks are spread over the ids, so the walk would stop early — but a campaign's tasks are one range of
     * ids (created in its year), and the walk read every older campaign's task first: 54,394 buffers, 63 ms for the
     * count of a county user's list at city scale (2026-12-05-city-reads), 581 buffers and 1.5 ms by key. The set is
     * what a scope's units cooperate on, small beside a campaign.
     */
    private static final String COOPERATING_IN_SCOPE_BY_KEY = LEAD_OUTSIDE_SCOPE + """

            AND t.id = ANY(ARRAY(SELECT cu.task_id FROM task_cooperating_unit cu
                                 JOIN org_unit_path cs ON cs.unit_id = cu.unit_id WHERE cs.path LIKE %1$s))""";

    /** Rows a streamed read fetches per round trip: a real cursor on PostgreSQL, whose driver otherwise reads them all. */
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcClient cursor;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final IndicatorStore indicators;
    private final MilestoneStore milestones;
    private final TaskTally tally;
    private final SubtreeTally subtrees;
    private final DatabaseKind database;

    TaskStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, IndicatorStore indicators,
              MilestoneStore milestones, TaskTally tally, SubtreeTally subtrees, DatabaseKind database) {
        this.jdbc = jdbc;
        // PostgreSQL keeps a cursor (and fetches FETCH_SIZE rows at a time) only with a fetch size and autocommit off,
        // i.e. inside a transaction, which every caller of each(…) is (TaskService's readOnly transactions).
        var streaming = new org.springframework.jdbc.core.JdbcTemplate(java.util.Objects.requireNonNull(batch.getDataSource()));
        streaming.setFetchSize(FETCH_SIZE);
        this.cursor = JdbcClient.create(streaming);
        this.batch = batch;
        this.indicators = indicators;
        this.milestones = milestones;
        this.tally = tally;
        this.subtrees = subtrees;
        this.database = database;
    }

    /** The task row plus the raw fields a detail view needs. */
    record TaskRecord(TaskRow row, @Nullable Long leadLeaderId, LocalDates dates, @Nullable String description,
                      int version, List<String> lightReasons, java.time.@Nullable LocalDate reasonsOn) {}

    record LocalDates(java.time.LocalDate start, java.time.LocalDate due) {}

    Optional<TaskRecord> find(long id, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        return jdbc.sql(ROW + " WHERE t.id = :id" + scopeCondition(scope, params)).params(params)
                .query(TaskStore::record).optional();
    }

    Optional<TaskRecord> findUnscoped(long id) {
        return jdbc.sql(ROW + " WHERE t.id = :id").param("id", id).query(TaskStore::record).optional();
    }

    PageResult<TaskRow> search(long campaignId, TaskFilter filter, DataScope scope, PageQuery page) {
        Map<String, Object> params = new HashMap<>();
        String leadPath = leadPath(filter);
        Listed listed = listed(where(campaignId, filter, leadPath, params), scope);
        Long total = countTotals ? null : tallied(campaignId, filter, leadPath, scope, listed, params);
        return total == null ? page(listed, params, page) : page(listed, params, page, total);
    }

    /**
     * The list's total from the tallies where they hold it, else {@code null} (the caller counts the tasks, scope and
     * all). The tallies keep category, light and level; the lead-unit filter is a unit's subtree, which the subtree
     * tally keeps too; a keyword is counted. Exact: a task has no archived or cancelled state, and both tallies keep
     * every task by the same keys as the list's conditions (TaskTallyTests, every scope × filter).
     * <ul>
     * <li>the whole campaign in view: the campaign's tally, or the lead unit's subtree tally;</li>
     * <li>a scope: the scope unit's subtree tally (the tasks led in it, up to 10⁶ at a county of a province), plus
     * the tasks led outside it that a unit in it cooperates on — counted, from the scope's cooperations;</li>
     * <li>a scope and a lead unit inside it: the lead unit's subtree tally (every task it leads is in the scope).</li>
     * </ul>
     */
    private @Nullable Long tallied(long campaignId, TaskFilter filter, @Nullable String leadPath, DataScope scope,
                                   Listed listed, Map<String, Object> params) {
        if (!TaskTally.answers(filter)) {
            return null;
        }
        if (leadPath == null) {
            return scope.isEverything() ? tally.count(campaignId, filter)
                    : subtrees.count(campaignId, java.util.Objects.requireNonNull(scope.unitId()), filter)
                            + jdbc.sql("SELECT COUNT(*) FROM task t" + listed.where() + listed.cooperating())
                            .params(params).query(Long.class).single();
        }
        return scope.isEverything() || leadPath.startsWith(scope.path())
                ? subtrees.count(campaignId, java.util.Objects.requireNonNull(filter.leadUnitId()), filter) : null;
    }

    private boolean countTotals;

    /** For the bench's baseline: true counts every total from the tasks, as before the tallies. */
    void countTotals(boolean count) {
        this.countTotals = count;
    }

    /** A leader's 包保 tasks in a campaign: those whose lead leader is the person, within the scope. */
    PageResult<TaskRow> ofLeadLeader(long campaignId, long personId, DataScope scope, PageQuery page) {
        Map<String, Object> params = new HashMap<>();
        params.put("leader", personId);
        return page(listed(where(campaignId, new TaskFilter(null, null, null, null, false, false), params)
                + " AND t.lead_leader_id = :leader", scope), params, page);
    }

    private PageResult<TaskRow> page(Listed listed, Map<String, Object> params, PageQuery page) {
        // no join: every condition is on the task row (units are never deleted, so the list's join drops none),
        // which lets PostgreSQL count from an index alone
        return page(listed, params, page, jdbc.sql(listed.count()).params(params).query(Long.class).single());
    }

    private PageResult<TaskRow> page(Listed listed, Map<String, Object> params, PageQuery page, long total) {
        List<TaskRow> items = jdbc.sql(listed.page(page.offset() + page.size())
                        + " ORDER BY t.category, t.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> record(rs, n).row()).list();
        return PageResult.of(items, total, page);
    }

    private Listed listed(String where, DataScope scope) {
        return new Listed(where, scope.isEverything() ? null : literal(scope.likePattern()),
                database.postgres() ? COOPERATING_IN_SCOPE_BY_KEY : COOPERATING_IN_SCOPE);
    }

    /**
     * The scope's LIKE pattern as an SQL literal. Inlined, not bound: PostgreSQL plans a statement the driver has
     * prepared five times with a generic plan, and with the pattern unknown that plan read every task of the campaign
     * (1.8–7.5 s for a county's category filter or keyword search at 10⁶). A path is digits and slashes, checked here
     * ({@link DataScope#nothing()}'s "/-/" too: it matches no unit, so the list is empty as before).
     */
    private static String literal(String pattern) {
        if (!pattern.matches("[0-9/-]+%")) {
            throw new IllegalArgumentException("not a unit path pattern: " + pattern);
        }
        return "'" + pattern + "'";
    }

    /**
     * The tasks a list reads: those matching {@code where} (a WHERE on the task table as t), within the scope. A task
     * is in a scope when its lead unit or one of its cooperating units is; as one OR, PostgreSQL can only answer that by
     * reading every task of the campaign (issue #18: 0.5–0.7 s at 10⁶), so a scoped list reads two disjoint sets, each
     * from its index — tasks led in the scope, and tasks led outside it with a cooperating unit in it — joined by
     * UNION ALL (disjoint: no task twice, nothing to deduplicate).
     */
    private record Listed(String where, @Nullable String scope, String cooperatingSet) {

        /** Scoped, the sum of the two sets' counts, each an index read of its own (a UNION ALL under one COUNT is slower). */
        String count() {
            return scope == null ? "SELECT COUNT(*) FROM task t" + where
                    : "SELECT (SELECT COUNT(*) FROM task t" + where + led() + ") + (SELECT COUNT(*) FROM task t"
                            + where + cooperating() + ")";
        }

        /**
         * The rows with ROW's columns, to be ordered by category and id and paged with :limit and :offset. Scoped, each
         * set gives only its first {@code top} (offset + limit) in that order, which holds the page whichever set its
         * rows come from, so each is read in index order and stops early instead of being read whole and sorted (a
         * literal for the same reason as the pattern: a generic plan guesses an unknown limit).
         */
        String page(long top) {
            return scope == null ? ROW + where
                    : rowsOf("(" + union(" ORDER BY t.category, t.id LIMIT " + top) + ") t");
        }

        /** Every row with ROW's columns, unordered (for a streamed read with its own ORDER BY). */
        String all() {
            return scope == null ? ROW + where : rowsOf("(" + union("") + ") t");
        }

        private String union(String limit) {
            String led = "SELECT t.* FROM task t" + where + led();
            String cooperating = "SELECT t.* FROM task t" + where + cooperating();
            return limit.isEmpty() ? led + " UNION ALL " + cooperating
                    : "(" + led + limit + ") UNION ALL (" + cooperating + limit + ")";
        }

        private String led() {
            return LEAD_IN_SCOPE.formatted(scope);
        }

        String cooperating() {
            return cooperatingSet.formatted(scope);
        }
    }

    /** The list's columns read from the given source of task rows (aliased t), before any WHERE. */
    private static String rowsOf(String tasks) {
        return """
                SELECT t.id, t.campaign_id, t.parent_task_id, t.title, t.category, t.lead_unit_id, lu.name AS lead_unit_name,
                       lp.name AS leader_name, t.lead_leader_id, t.weight, t.start_date, t.due_date, t.light, t.progress,
                       t.description, t.version, lr.reasons AS light_reasons, ld.evaluated_on AS reasons_on, lr.evaluated_on AS reasons_task_on,
                       (SELECT COUNT(*) FROM task c WHERE c.parent_task_id = t.id) AS subtask_count
                FROM\s""" + tasks + """

                JOIN org_unit_path lu ON lu.unit_id = t.lead_unit_id
                LEFT JOIN org_person lp ON lp.person_id = t.lead_leader_id
                LEFT JOIN task_light_reason lr ON lr.task_id = t.id
                LEFT JOIN campaign_light_day ld ON ld.campaign_id = t.campaign_id
                """;
    }

    /** Streams every matching task, for the export; memory stays flat whatever the list size. */
    void each(long campaignId, TaskFilter filter, DataScope scope, Consumer<TaskRecord> consumer) {
        each(campaignId, filter, scope, " ORDER BY t.category, t.id", consumer);
    }

    /** Like {@link #each} in creation order, which puts every parent before its subtasks (the xlsx export needs it). */
    void eachParentFirst(long campaignId, TaskFilter filter, DataScope scope, Consumer<TaskRecord> consumer) {
        each(campaignId, filter, scope, " ORDER BY t.id", consumer);
    }

    private void each(long campaignId, TaskFilter filter, DataScope scope, String order, Consumer<TaskRecord> consumer) {
        Map<String, Object> params = new HashMap<>();
        Listed listed = listed(where(campaignId, filter, params), scope);
        try (var stream = cursor.sql(listed.all() + order).params(params)
                .query(TaskStore::record).stream()) {
            stream.forEach(consumer);
        }
    }

    /**
     * The campaign's list by category as the scope sees it: every task in the scope whose parent is not (a county
     * user counts the top-level tasks; a township the shares it leads or helps with, whose parents are the county's),
     * so no task is counted together with its own subtasks.
     */
    List<CategorySummary> summary(long campaignId, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = where(campaignId, new TaskFilter(null, null, null, null, scope.isEverything(), false), params)
                + scopeCondition(scope, params);
        if (!scope.isEverything()) {
            where += " AND (t.parent_task_id IS NULL OR t.parent_task_id NOT IN (SELECT p.id FROM task p"
                    + " WHERE p.campaign_id = :campaign" + scopeCondition(scope, params, "p") + "))";
        }
        return jdbc.sql("""
                SELECT t.category, COUNT(*) AS tasks, COALESCE(AVG(t.progress), 0) AS avg_progress,
                       SUM(CASE WHEN t.light = 'RED' THEN 1 ELSE 0 END) AS red,
                       SUM(CASE WHEN t.light = 'YELLOW' THEN 1 ELSE 0 END) AS yellow,
                       SUM(CASE WHEN t.light = 'GREEN' THEN 1 ELSE 0 END) AS green,
                       SUM(CASE WHEN t.light = 'DONE' THEN 1 ELSE 0 END) AS done,
                       SUM(CASE WHEN t.light IS NULL THEN 1 ELSE 0 END) AS unevaluated
                FROM task t JOIN org_unit_path lu ON lu.unit_id = t.lead_unit_id""" + where
                        + " GROUP BY t.category ORDER BY t.category")
                .params(params)
                .query((rs, n) -> new CategorySummary(rs.getString("category"), rs.getLong("tasks"),
                        rs.getBigDecimal("avg_progress").setScale(1, java.math.RoundingMode.HALF_UP), rs.getLong("red"),
                        rs.getLong("yellow"), rs.getLong("green"), rs.getLong("done"), rs.getLong("unevaluated")))
                .list();
    }

    List<TaskRow> children(long parentId, DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("parent", parentId);
        return jdbc.sql(ROW + " WHERE t.parent_task_id = :parent" + scopeCondition(scope, params) + " ORDER BY t.id")
                .params(params).query((rs, n) -> record(rs, n).row()).list();
    }

    /** How many tasks a campaign has, from its tally (a few rows) rather than counting them. */
    long countOf(long campaignId) {
        return tally.count(campaignId, new TaskFilter(null, null, null, null, false, false));
    }

    List<Long> idsOf(long campaignId) {
        return jdbc.sql("SELECT id FROM task WHERE campaign_id = :c").param("c", campaignId).query(Long.class).list();
    }

    /**
     * The subtasks of the given tasks, only what a roll-up reads: the list's row (its joins and a count of each
     * subtask's own subtasks) was most of a daily run's reads (issue #18).
     */
    List<SubtaskLight> subtaskLightsOf(Collection<Long> parentIds) {
        return parentIds.isEmpty() ? List.of() : jdbc.sql("""
                SELECT id, parent_task_id, title, light FROM task WHERE parent_task_id IN (:parents) ORDER BY id""")
                .param("parents", parentIds).query((rs, n) -> {
                    String light = rs.getString(4);
                    return new SubtaskLight(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            light == null ? null : Light.valueOf(light));
                }).list();
    }

    /** The task and its ancestors, nearest first, in one read (empty when the task does not exist). */
    List<Long> ancestry(long taskId) {
        return jdbc.sql("""
                WITH RECURSIVE up (id, parent_task_id, depth) AS (
                    SELECT id, parent_task_id, 0 FROM task WHERE id = :id
                    UNION ALL
                    SELECT t.id, t.parent_task_id, up.depth + 1 FROM task t JOIN up ON t.id = up.parent_task_id)
                SELECT id FROM up ORDER BY depth""").param("id", taskId).query(Long.class).list();
    }

    /** What a progress roll-up needs of each task of a chain, read under its row lock. */
    record ChainTask(long id, @Nullable Long parentTaskId, long campaignId, BigDecimal progress) {}

    /**
     * Locks a task chain's rows for the rest of the transaction and reads them as they are once locked. Two approvals
     * rolling up into the same parent queue here, so the second reads its siblings' figures after the first committed
     * them (without it a sibling's share of the parent was lost). The rows are locked nearest first, the order in which
     * every chain is walked and in which a task edit takes its own row before its ancestors', so two chains that meet
     * take their common ancestors in the same order. PostgreSQL's NO KEY UPDATE leaves rows that reference the tasks
     * (reports, history) free to be inserted meanwhile.
     */
    Map<Long, ChainTask> lockChain(List<Long> chain) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", chain);
        StringBuilder order = new StringBuilder(" ORDER BY CASE id");
        for (int i = 0; i < chain.size(); i++) {
            order.append(" WHEN :c").append(i).append(" THEN ").append(i);
            params.put("c" + i, chain.get(i));
        }
        order.append(" END");
        Map<Long, ChainTask> locked = new HashMap<>();
        jdbc.sql("SELECT id, parent_task_id, campaign_id, progress FROM task WHERE id IN (:ids)" + order
                        + (database.postgres() ? " FOR NO KEY UPDATE" : " FOR UPDATE")).params(params)
                .query(rs -> {
                    long parent = rs.getLong("parent_task_id");
                    locked.put(rs.getLong("id"), new ChainTask(rs.getLong("id"), rs.wasNull() ? null : parent,
                            rs.getLong("campaign_id"), rs.getBigDecimal("progress")));
                });
        return locked;
    }

    /** A subtask as its parent's progress rule reads it. */
    record ChildProgress(long id, String title, BigDecimal weight, BigDecimal progress) {
        Progress.ChildInput input() {
            return new Progress.ChildInput(title, weight, progress);
        }
    }

    /** The children of each of these tasks with what the parent's progress rule reads of them, in id order. */
    Map<Long, List<ChildProgress>> childProgress(Collection<Long> parentIds) {
        Map<Long, List<ChildProgress>> byParent = new HashMap<>();
        jdbc.sql("SELECT id, parent_task_id, title, weight, progress FROM task WHERE parent_task_id IN (:ids) ORDER BY id")
                .param("ids", parentIds)
                .query(rs -> {
                    byParent.computeIfAbsent(rs.getLong("parent_task_id"), k -> new java.util.ArrayList<>())
                            .add(new ChildProgress(rs.getLong("id"), rs.getString("title"), rs.getBigDecimal("weight"),
                                    rs.getBigDecimal("progress")));
                });
        return byParent;
    }

    List<TaskRow> allChildren(long parentId) {
        return jdbc.sql(ROW + " WHERE t.parent_task_id = :parent ORDER BY t.id").param("parent", parentId)
                .query((rs, n) -> record(rs, n).row()).list();
    }

    /** The path of the filter's lead unit (null without one); an unknown unit's matches nothing, as {@link DataScope#nothing()}'s. */
    private @Nullable String leadPath(TaskFilter filter) {
        return filter.leadUnitId() == null ? null : jdbc.sql("SELECT path FROM org_unit_path WHERE unit_id = :unit")
                .param("unit", filter.leadUnitId()).query(String.class).optional().orElse(DataScope.nothing().path());
    }

    private String where(long campaignId, TaskFilter filter, Map<String, Object> params) {
        return where(campaignId, filter, leadPath(filter), params);
    }

    /** The filter's conditions on the task table as t, with its lead unit's path; the scope is the caller's to add. */
    private String where(long campaignId, TaskFilter filter, @Nullable String leadPath, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE t.campaign_id = :campaign");
        params.put("campaign", campaignId);
        TaskTally.keyConditions(filter, "t.", "t.parent_task_id IS NULL", where, params);
        if (leadPath != null) {
            // the lead unit's subtree as a set of unit ids, each a range of ix_task_campaign_lead_unit; its path is read
            // first and inlined like the scope's (see literal): as a sub-select the pattern was unknown when planning,
            // PostgreSQL guessed hundreds of units and walked the campaign in list order for a village's 275 tasks
            // (3.8 s p95 at the province's 10⁶ tasks)
            where.append(" AND t.lead_unit_id IN (SELECT lf.unit_id FROM org_unit_path lf WHERE lf.path LIKE ")
                    .append(literal(leadPath + "%")).append(')');
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND t.title LIKE :q ESCAPE '\\'");
            params.put("q", Like.contains(filter.q()));
        }
        return where.toString();
    }

    private static String scopeCondition(DataScope scope, Map<String, Object> params) {
        return scopeCondition(scope, params, "t");
    }

    /** The scope condition on the task table under the given alias. */
    private static String scopeCondition(DataScope scope, Map<String, Object> params, String alias) {
        if (scope.isEverything()) {
            return "";
        }
        params.put("scope", scope.likePattern());
        // Uncorrelated IN lists: the database builds each set once instead of probing per task row.
        return " " + """
                AND (%1$s.lead_unit_id IN (SELECT s.unit_id FROM org_unit_path s WHERE s.path LIKE :scope)
                     OR %1$s.id IN (SELECT cu.task_id FROM task_cooperating_unit cu
                                 JOIN org_unit_path cs ON cs.unit_id = cu.unit_id WHERE cs.path LIKE :scope))""".formatted(alias);
    }

    boolean titleTaken(long campaignId, @Nullable Long parentId, String title, @Nullable Long exceptId) {
        String parentCondition = parentId == null ? "t.parent_task_id IS NULL" : "t.parent_task_id = :parent";
        var spec = jdbc.sql("SELECT COUNT(*) FROM task t WHERE t.campaign_id = :campaign AND t.title = :title AND "
                        + parentCondition + (exceptId == null ? "" : " AND t.id <> :except"))
                .param("campaign", campaignId).param("title", title);
        if (parentId != null) {
            spec = spec.param("parent", parentId);
        }
        if (exceptId != null) {
            spec = spec.param("except", exceptId);
        }
        return spec.query(Long.class).single() > 0;
    }

    /** A task just inserted: its id and those of its indicators and milestones, each in the command's order. */
    record Inserted(long id, List<Long> indicatorIds, List<Long> milestoneIds) {}

    /** Inserts a task with its details and {@code progress}, its own as computed from the command (it has no subtasks). */
    Inserted insert(long campaignId, @Nullable Long parentId, TaskCommand c, BigDecimal progress, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO task (campaign_id, parent_task_id, title, description, category, lead_unit_id, lead_leader_id,
                    weight, start_date, due_date, light, progress, created_at, updated_at, version)
                VALUES (:campaign, :parent, :title, :description, :category, :unit, :leader, :weight, :start, :due,
                    NULL, :progress, :now, :now, 0)""")
                .param("campaign", campaignId).param("parent", parentId, Types.BIGINT)
                .param("title", c.title().trim()).param("description", c.description(), Types.VARCHAR)
                .param("category", c.category()).param("unit", c.leadUnitId())
                .param("leader", c.leadLeaderId(), Types.BIGINT).param("weight", c.weightOrDefault())
                .param("start", Date.valueOf(c.startDate())).param("due", Date.valueOf(c.dueDate()))
                .param("progress", progress).param("now", Timestamp.from(now)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        insertCooperatingUnits(id, c);
        return new Inserted(id, indicators.insertAll(id, c.indicatorList()), milestones.insertAll(id, c.milestoneList()));
    }

    /** Optimistic locking: answers false when someone else changed the task since {@code version}. */
    boolean update(long id, int version, TaskCommand c, Instant now) {
        int rows = jdbc.sql("""
                UPDATE task SET title = :title, description = :description, category = :category, lead_unit_id = :unit,
                    lead_leader_id = :leader, weight = :weight, start_date = :start, due_date = :due,
                    updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("title", c.title().trim()).param("description", c.description(), Types.VARCHAR)
                .param("category", c.category()).param("unit", c.leadUnitId())
                .param("leader", c.leadLeaderId(), Types.BIGINT).param("weight", c.weightOrDefault())
                .param("start", Date.valueOf(c.startDate())).param("due", Date.valueOf(c.dueDate()))
                .param("now", Timestamp.from(now)).param("id", id).param("version", version).update();
        if (rows == 0) {
            return false;
        }
        replaceDetails(id, c);
        return true;
    }

    private void replaceDetails(long taskId, TaskCommand c) {
        jdbc.sql("DELETE FROM task_cooperating_unit WHERE task_id = :id").param("id", taskId).update();
        insertCooperatingUnits(taskId, c);
        indicators.replace(taskId, c.indicatorList());
        milestones.replace(taskId, c.milestoneList());
    }

    private void insertCooperatingUnits(long taskId, TaskCommand c) {
        for (Long unit : c.cooperatingUnitList()) {
            jdbc.sql("INSERT INTO task_cooperating_unit (task_id, unit_id) VALUES (:id, :unit)")
                    .param("id", taskId).param("unit", unit).update();
        }
    }

    List<Long> cooperatingUnits(long taskId) {
        return jdbc.sql("SELECT unit_id FROM task_cooperating_unit WHERE task_id = :id ORDER BY unit_id")
                .param("id", taskId).query(Long.class).list();
    }

    /** Cooperating units of the given tasks, by task, in unit id order (as {@link #cooperatingUnits}), in one query. */
    Map<Long, List<Long>> cooperatingUnitsOf(Collection<Long> taskIds) {
        Map<Long, List<Long>> byTask = new HashMap<>();
        if (taskIds.isEmpty()) {
            return byTask;
        }
        jdbc.sql("SELECT task_id, unit_id FROM task_cooperating_unit WHERE task_id IN (:ids) ORDER BY task_id, unit_id")
                .param("ids", taskIds)
                .query(rs -> {
                    byTask.computeIfAbsent(rs.getLong("task_id"), k -> new java.util.ArrayList<>()).add(rs.getLong("unit_id"));
                });
        return byTask;
    }

    /** The given tasks, unscoped, in id order (parents before their subtasks). */
    /**
     * The given tasks and every subtask of {@code parentIds}, in one read: a task chain and its ancestors' subtasks,
     * where the chain's first task is also its parent's subtask (read once, not twice).
     */
    List<TaskRecord> findAllWithSubtasks(Collection<Long> ids, Collection<Long> parentIds) {
        // a union of two index reads: an OR across two columns may use neither index
        return parentIds.isEmpty() ? findAllUnscoped(ids) : jdbc.sql(rowsOf("""
                (SELECT * FROM task WHERE id IN (:ids)
                 UNION ALL
                 SELECT * FROM task WHERE parent_task_id IN (:parents) AND id NOT IN (:ids)) t""") + " ORDER BY t.id")
                .param("ids", ids).param("parents", parentIds).query(TaskStore::record).list();
    }

    List<TaskRecord> findAllUnscoped(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql(ROW + " WHERE t.id IN (:ids) ORDER BY t.id").param("ids", ids)
                .query(TaskStore::record).list();
    }

    void setSource(long taskId, long sourceTaskId) {
        jdbc.sql("UPDATE task SET source_task_id = :source WHERE id = :id").param("source", sourceTaskId)
                .param("id", taskId).update();
    }

    boolean carried(long campaignId, long sourceTaskId) {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE campaign_id = :campaign AND source_task_id = :source")
                .param("campaign", campaignId).param("source", sourceTaskId).query(Long.class).single() > 0;
    }

    @Nullable Long sourceOf(long taskId) {
        return jdbc.sql("SELECT source_task_id FROM task WHERE id = :id").param("id", taskId)
                .query((rs, n) -> {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? null : v;
                }).optional().orElse(null);
    }

    /**
     * The lights supervision computed, 1,000 at a time; only a task whose light differs is written (its reasons live in
     * {@link TaskLightReasons}, so a day that only rewords them leaves the task row and its triggers alone).
     * @return per task, in order, whether its light changed
     */
    boolean[] setLights(List<TaskService.LightUpdate> updates) {
        return database.postgres() && updates.size() > FEW_LIGHTS ? setLightsBySlice(updates) : setLightsBatched(updates);
    }

    /**
     * Up to this many (an approval's chain) go as a batch on PostgreSQL too: a few trigger runs cost less than the
     * locking read the array UPDATE needs first; the batch, in the caller's order, takes the rows in that order.
     */
    private static final int FEW_LIGHTS = 8;

    /**
     * PostgreSQL: each slice in one UPDATE over arrays. A JDBC batch is one statement per row there, and every
     * statement on task fires the tally's statement trigger ({@code task_tally_updated}) once: a daily run rewriting
     * the reasons of ~40,000 tasks behind plan waited 12.8 s of its 32 s on those rows (EvaluationBench, JFR,
     * 2026-12-05). The rows are locked first in descending id, the order every writer of a task chain takes them in:
     * the UPDATE itself takes them in whatever order its plan reads.
     */
    private boolean[] setLightsBySlice(List<TaskService.LightUpdate> updates) {
        boolean[] changed = new boolean[updates.size()];
        for (int from = 0; from < updates.size(); from += 1_000) {
            List<TaskService.LightUpdate> slice = updates.subList(from, Math.min(updates.size(), from + 1_000));
            Long[] ids = slice.stream().map(TaskService.LightUpdate::taskId).toArray(Long[]::new);
            batch.query(SqlArrays.statement("SELECT id FROM task WHERE id = ANY(?) ORDER BY id DESC FOR NO KEY UPDATE",
                    SqlArrays.of("bigint", ids)), rs -> { });
            java.util.Set<Long> updated = new java.util.HashSet<>(batch.query(SqlArrays.statement("""
                    UPDATE task SET light = v.light
                    FROM unnest(?::bigint[], ?::varchar[]) AS v (id, light)
                    WHERE task.id = v.id AND (task.light IS NULL OR task.light <> v.light)
                    RETURNING task.id""", SqlArrays.of("bigint", ids),
                    SqlArrays.of("varchar", slice.stream().map(u -> u.light().name()).toArray(String[]::new))),
                    (rs, n) -> rs.getLong(1)));
            for (int i = 0; i < ids.length; i++) {
                changed[from + i] = updated.contains(ids[i]);
            }
        }
        return changed;
    }

    /** H2: JDBC batches of 1,000 (one round trip each instead of one per task). */
    private boolean[] setLightsBatched(List<TaskService.LightUpdate> updates) {
        boolean[] changed = new boolean[updates.size()];
        int done = 0;
        for (int from = 0; from < updates.size(); from += 1_000) {
            List<TaskService.LightUpdate> slice = updates.subList(from, Math.min(updates.size(), from + 1_000));
            int[] rows = batch.batchUpdate("UPDATE task SET light = ? WHERE id = ? AND (light IS NULL OR light <> ?)",
                    slice.stream().map(u -> new Object[] {u.light().name(), u.taskId(), u.light().name()}).toList());
            for (int row : rows) {
                // a driver may answer SUCCESS_NO_INFO (-2) for a batched row: count it as changed (audited at worst once more)
                changed[done++] = row != 0;
            }
        }
        return changed;
    }

    void setProgress(long taskId, BigDecimal progress) {
        jdbc.sql("UPDATE task SET progress = :progress WHERE id = :id").param("progress", progress)
                .param("id", taskId).update();
    }

    void recordChange(long taskId, Instant at, String actor, String field, @Nullable String before, @Nullable String after) {
        jdbc.sql("""
                INSERT INTO task_change (task_id, occurred_at, actor, field, before_value, after_value)
                VALUES (:task, :at, :actor, :field, :before, :after)""")
                .param("task", taskId).param("at", Timestamp.from(at)).param("actor", actor).param("field", field)
                .param("before", truncate(before), Types.VARCHAR).param("after", truncate(after), Types.VARCHAR)
                .update();
    }

    List<TaskChange> history(long taskId) {
        return jdbc.sql("SELECT * FROM task_change WHERE task_id = :id ORDER BY id DESC LIMIT 500").param("id", taskId)
                .query((rs, n) -> new TaskChange(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("field"), rs.getString("before_value"), rs.getString("after_value"))).list();
    }

    static @Nullable String truncate(@Nullable String value) {
        return value == null || value.length() <= 4000 ? value : value.substring(0, 3999) + "…";
    }

    private static TaskRecord record(ResultSet rs, int n) throws SQLException {
        long parent = rs.getLong("parent_task_id");
        Long parentId = rs.wasNull() ? null : parent;
        long leader = rs.getLong("lead_leader_id");
        Long leaderId = rs.wasNull() ? null : leader;
        String light = rs.getString("light");
        TaskRow row = new TaskRow(rs.getLong("id"), rs.getLong("campaign_id"), parentId, rs.getString("title"),
                rs.getString("category"), rs.getLong("lead_unit_id"), rs.getString("lead_unit_name"),
                rs.getString("leader_name"), rs.getBigDecimal("weight"), rs.getObject("due_date", java.time.LocalDate.class),
                light == null ? null : Light.valueOf(light), rs.getBigDecimal("progress"), rs.getInt("subtask_count"));
        return new TaskRecord(row, leaderId, new LocalDates(rs.getObject("start_date", java.time.LocalDate.class), row.dueDate()),
                rs.getString("description"), rs.getInt("version"), lines(rs.getString("light_reasons")),
                TaskReasons.later(rs.getObject("reasons_on", java.time.LocalDate.class),
                        rs.getObject("reasons_task_on", java.time.LocalDate.class)));
    }


    private static List<String> lines(@Nullable String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
    }
}
