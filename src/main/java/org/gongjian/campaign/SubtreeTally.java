package org.gongjian.campaign;

import java.util.HashMap;
import java.util.Map;

import org.gongjian.org.UnitMoved;
import org.gongjian.shared.DatabaseKind;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many tasks a unit's subtree leads, per campaign × category × light × level ({@code task_subtree_tally}): a scoped
 * list's total for the tasks led in the scope, and the lead-unit filter's, without counting them (issue #18: a county
 * of a city campaign at the province counted ~112,000 tasks on every page, 0.7 s). On PostgreSQL the task tally's
 * statement triggers append a signed row per changed key and ancestor (migration V2026_12_11_0917), {@link #fold}
 * folds them every minute and {@link #on(UnitMoved)} moves a unit's counts to its new ancestors; on H2 it is a view.
 */
@Component
class SubtreeTally {

    private final JdbcClient jdbc;
    private final DatabaseKind database;

    SubtreeTally(JdbcClient jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** The campaign's tasks led by the unit or a unit below it that pass the filter (its keys: see TaskTally.answers). */
    long count(long campaignId, long unitId, TaskFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT COALESCE(SUM(task_count), 0) FROM task_subtree_tally
                WHERE campaign_id = :campaign AND unit_id = :unit""");
        Map<String, Object> params = new HashMap<>();
        params.put("campaign", campaignId);
        params.put("unit", unitId);
        TaskTally.keyConditions(filter, "", "top_level = TRUE", sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /**
     * Replaces the rows of every (campaign, unit) that has appended rows by one per key, in one statement (every
     * minute, with the campaign's tally: {@link TaskTally#scheduled}); units with nothing appended are not read (a province's tally holds a row per unit and key, most of them unchanged
     * from one minute to the next). Rows a running transaction appends meanwhile are not visible to it: they stay.
     * @return the rows written (0 on H2, whose tally is a view)
     */
    @Transactional
    public int fold() {
        if (!database.postgres()) {
            return 0;
        }
        return jdbc.sql("""
                WITH touched AS (SELECT DISTINCT campaign_id, unit_id FROM task_subtree_tally WHERE appended),
                folded AS (DELETE FROM task_subtree_tally s USING touched k
                           WHERE s.campaign_id = k.campaign_id AND s.unit_id = k.unit_id
                           RETURNING s.campaign_id, s.unit_id, s.category, s.light, s.top_level, s.task_count)
                INSERT INTO task_subtree_tally (campaign_id, unit_id, category, light, top_level, task_count, appended)
                SELECT campaign_id, unit_id, category, light, top_level, SUM(task_count), FALSE FROM folded
                GROUP BY campaign_id, unit_id, category, light, top_level HAVING SUM(task_count) <> 0""").update();
    }

    /**
     * A unit moved, in this transaction, after its subtree's paths changed: what its subtree leads leaves the old
     * ancestors and joins the new ones (the unit's own rows hold it; units inside the subtree keep theirs). The SHARE
     * lock on task waits for transactions that have already written tasks (their rows, appended by the old paths, are
     * then visible and moved too) and holds new writers back until the move commits (their triggers then read the new
     * paths). A move is a rare administrator's act; writers wait at most for the rest of its transaction.
     * <p>First of the move's listeners: supervision's roll-up rebuild takes {@code light_count} in SHARE mode too, and
     * an evaluation writes task rows before light counts — a move holding light_count while waiting for task, with an
     * evaluation holding task rows and waiting for light_count, was a deadlock.
     */
    @EventListener
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    void on(UnitMoved moved) {
        if (!database.postgres()) {
            return;
        }
        jdbc.sql("LOCK TABLE task IN SHARE MODE").update();
        jdbc.sql("""
                INSERT INTO task_subtree_tally (campaign_id, unit_id, category, light, top_level, task_count)
                SELECT s.campaign_id, CAST(a.unit_id AS BIGINT), s.category, s.light, s.top_level, SUM(a.sign * s.task_count)
                FROM task_subtree_tally s CROSS JOIN LATERAL (
                    SELECT o.unit_id, -1 AS sign FROM unnest(string_to_array(trim(BOTH '/' FROM :oldAbove), '/')) AS o(unit_id)
                    UNION ALL
                    SELECT n.unit_id, 1 FROM unnest(string_to_array(trim(BOTH '/' FROM :newAbove), '/')) AS n(unit_id)) a
                WHERE s.unit_id = :unit
                GROUP BY s.campaign_id, a.unit_id, s.category, s.light, s.top_level
                HAVING SUM(a.sign * s.task_count) <> 0""")
                .param("oldAbove", above(moved.oldPath())).param("newAbove", above(moved.newPath()))
                .param("unit", moved.unitId()).update();
    }

    /** The path of a unit's ancestors: its own path less its last segment ("/1/2/7/" → "/1/2/"). */
    static String above(String path) {
        int end = path.lastIndexOf('/', path.length() - 2);
        return end < 0 ? "/" : path.substring(0, end + 1);
    }
}
