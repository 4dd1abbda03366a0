package org.gongjian.campaign;

import org.gongjian.org.UnitMoved;
import org.gongjian.shared.DatabaseKind;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign overview's category summary for a scoped user ({@code task_summary_tally}): per campaign × unit ×
 * category × light, the tasks the unit's subtree leads under a parent it does not lead, and their progress summed, so
 * a county's summary is a few rows instead of a read of the campaign (issue #18: 397–874 ms at city). On PostgreSQL
 * statement triggers append signed rows (migration V2026_12_14_1400), {@link #fold} folds them every minute with the
 * other tallies and {@link #on(UnitMoved)} re-counts what a move changes; on H2 it is a view.
 */
@Component
class SummaryTally {

    private final JdbcClient jdbc;
    private final DatabaseKind database;

    SummaryTally(JdbcClient jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Replaces the rows of every (campaign, unit) with appended rows by one per key, like {@link SubtreeTally#fold}.
     * @return the rows written (0 on H2, whose tally is a view)
     */
    @Transactional
    public int fold() {
        if (!database.postgres()) {
            return 0;
        }
        return jdbc.sql("""
                WITH touched AS (SELECT DISTINCT campaign_id, unit_id FROM task_summary_tally WHERE appended),
                folded AS (DELETE FROM task_summary_tally s USING touched k
                           WHERE s.campaign_id = k.campaign_id AND s.unit_id = k.unit_id
                           RETURNING s.campaign_id, s.unit_id, s.category, s.light, s.task_count, s.progress_sum)
                INSERT INTO task_summary_tally (campaign_id, unit_id, category, light, task_count, progress_sum, appended)
                SELECT campaign_id, unit_id, category, light, SUM(task_count), SUM(progress_sum), FALSE FROM folded
                GROUP BY campaign_id, unit_id, category, light
                HAVING SUM(task_count) <> 0 OR SUM(progress_sum) <> 0""").update();
    }

    /**
     * A unit moved, in this transaction, after its subtree's paths changed. A task counts for the units on its lead
     * unit's path that are not on its parent's, so a move changes what is counted for the tasks led in the moved
     * subtree and for those whose parent is: each such task leaves the units it counted for by the old paths (the new
     * ones with the moved prefix put back) and joins those of the new paths; tasks with both inside net to nothing.
     * Runs after {@link SubtreeTally#on(UnitMoved)}, which takes the SHARE lock on task that holds writers back.
     */
    @EventListener
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1)
    void on(UnitMoved moved) {
        if (!database.postgres()) {
            return;
        }
        jdbc.sql("LOCK TABLE task IN SHARE MODE").update();
        jdbc.sql("""
                WITH moved AS (SELECT unit_id FROM org_unit_path WHERE path LIKE :newPath || '%'),
                affected AS (
                    SELECT t.id, t.campaign_id, t.category, t.light, t.progress, t.lead_unit_id, t.parent_task_id
                    FROM task t WHERE t.lead_unit_id IN (SELECT unit_id FROM moved)
                    UNION
                    SELECT t.id, t.campaign_id, t.category, t.light, t.progress, t.lead_unit_id, t.parent_task_id
                    FROM task t JOIN task p ON p.id = t.parent_task_id WHERE p.lead_unit_id IN (SELECT unit_id FROM moved)),
                paths AS (
                    SELECT f.campaign_id, f.category, f.light, f.progress, u.path AS lead_path, pu.path AS parent_path
                    FROM affected f JOIN org_unit_path u ON u.unit_id = f.lead_unit_id
                    LEFT JOIN task p ON p.id = f.parent_task_id LEFT JOIN org_unit_path pu ON pu.unit_id = p.lead_unit_id),
                signed AS (
                    SELECT campaign_id, category, light, 1 AS delta, progress, lead_path, parent_path FROM paths
                    UNION ALL
                    SELECT campaign_id, category, light, -1, -progress,
                           CASE WHEN left(lead_path, length(:newPath)) = :newPath
                                THEN :oldPath || substr(lead_path, length(:newPath) + 1) ELSE lead_path END,
                           CASE WHEN left(parent_path, length(:newPath)) = :newPath
                                THEN :oldPath || substr(parent_path, length(:newPath) + 1) ELSE parent_path END
                    FROM paths)
                INSERT INTO task_summary_tally (campaign_id, unit_id, category, light, task_count, progress_sum)
                SELECT s.campaign_id, a.unit_id, s.category, s.light, SUM(s.delta), SUM(s.progress)
                FROM signed s CROSS JOIN LATERAL task_summary_units(s.lead_path, s.parent_path) AS a(unit_id)
                GROUP BY s.campaign_id, a.unit_id, s.category, s.light
                HAVING SUM(s.delta) <> 0 OR SUM(s.progress) <> 0""")
                .param("oldPath", moved.oldPath()).param("newPath", moved.newPath()).update();
    }
}
