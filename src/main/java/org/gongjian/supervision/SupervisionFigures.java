package org.gongjian.supervision;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.gongjian.campaign.Light;
import org.gongjian.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only figures for dashboards (the cockpit in briefing), each one statement over supervision's maintained
 * tables: light counts per unit and category, the longest-red tasks, notices per level, counts at a past date.
 * Scope is a unit subtree ({@code path LIKE}); the caller has checked the campaign is in scope.
 */
@Service
@Transactional(readOnly = true)
public class SupervisionFigures {

    private final JdbcClient jdbc;

    SupervisionFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tasks a lead unit holds in one category with one light (every task once, subtasks included). */
    public record LightCell(long unitId, String category, Light light, long tasks) {}

    /**
     * Tasks per light and category under a branch of the scope: {@code branchPath} is the scope unit's own path (tasks
     * it leads itself) or the path of the child unit whose subtree leads them.
     */
    public record BranchCell(String branchPath, String category, Light light, long tasks) {}

    /**
     * The scope unit's own counts (light_count) and each child's subtree counts (light_rollup, see {@link LightRollUp}):
     * O(children × categories × lights) rows, whatever the number of tasks or villages. The children are read by
     * parent: as "one path segment below" PostgreSQL took them for the whole subtree and merged light_rollup with
     * every unit in id order (0.4 s for a city's dashboard at the province's 68,129 units).
     */
    public List<BranchCell> lightCells(long campaignId, DataScope scope) {
        return jdbc.sql(("""
                SELECT u.path, c.category, c.light, SUM(c.task_count)
                FROM light_count c JOIN org_unit_path u ON u.unit_id = c.unit_id
                WHERE c.campaign_id = :campaign AND c.task_count > 0 AND u.path = :path
                GROUP BY u.path, c.category, c.light
                UNION ALL
                SELECT u.path, r.category, r.light, SUM(r.task_count)
                FROM light_rollup r JOIN org_unit_path u ON u.unit_id = r.unit_id
                WHERE r.campaign_id = :campaign AND %s
                GROUP BY u.path, r.category, r.light HAVING SUM(r.task_count) > 0""").formatted(scope.isEverything()
                        ? "u.parent_id IS NULL" : "u.parent_id = :unit"))
                .param("campaign", campaignId).param("path", scope.path()).param("unit", scope.unitId(), java.sql.Types.BIGINT)
                .query((rs, n) -> new BranchCell(rs.getString(1), rs.getString(2), Light.valueOf(rs.getString(3)),
                        rs.getLong(4))).list();
    }

    /** Lights per lead unit as they stood on a date, from the light history (for trends; scans the campaign's history). */
    public List<LightCell> lightCellsOn(long campaignId, LocalDate date) {
        return jdbc.sql("""
                SELECT s.unit_id, s.category, p.light, COUNT(*) AS tasks
                FROM task_light_period p JOIN task_light_state s ON s.task_id = p.task_id
                WHERE p.campaign_id = :campaign AND p.since_date <= :date AND (p.until_date IS NULL OR p.until_date > :date)
                GROUP BY s.unit_id, s.category, p.light""")
                .param("campaign", campaignId).param("date", Date.valueOf(date))
                .query((rs, n) -> new LightCell(rs.getLong(1), rs.getString(2), Light.valueOf(rs.getString(3)),
                        rs.getLong(4))).list();
    }

    /** A task red now, since when and why. */
    public record RedTask(long taskId, String title, long unitId, String unitName, LocalDate since, List<String> reasons) {}

    /**
     * The tasks red longest, lead unit inside the scope: one statement, at most {@code limit} rows. With the whole
     * campaign in view ({@link DataScope#everything()}) it walks the open-period index in order and stops at the limit.
     */
    public List<RedTask> longestRed(long campaignId, DataScope scope, int limit) {
        // the ten are picked from the periods and lead units alone; titles and names are joined to those ten only.
        // until_date (NULL in every open period) leads the ORDER BY so that it is ix_task_light_period_open's order:
        // PostgreSQL does not take IS NULL as fixing a column, and without it sorted every red period of the
        // campaign (0.5 s at 10⁶ tasks for a county's ten) instead of reading the index until ten are in scope.
        // A small scope (a village) goes the other way, through ix_task_light_state_unit.
        return jdbc.sql("""
                SELECT r.task_id, t.title, r.unit_id, u.name, r.since_date, r.reasons FROM (
                    SELECT p.task_id, s.unit_id, p.since_date, p.reasons
                    FROM task_light_period p JOIN task_light_state s ON s.task_id = p.task_id
                    WHERE p.campaign_id = :campaign AND p.light = 'RED' AND p.until_date IS NULL
                      """ + (scope.isEverything() ? "" : "AND s.unit_id IN (SELECT v.unit_id FROM org_unit_path v WHERE v.path LIKE :scope)") + """
                    ORDER BY p.until_date, p.since_date, p.task_id LIMIT :limit) r
                JOIN campaign_task_ref t ON t.task_id = r.task_id
                JOIN org_unit_path u ON u.unit_id = r.unit_id
                ORDER BY r.since_date, r.task_id""")
                .param("campaign", campaignId).param("scope", scope.likePattern()).param("limit", limit)
                .query((rs, n) -> new RedTask(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), reasons(rs.getString(6)))).list();
    }

    /** Notices being handled (open or responded) per level, and how many of them are open past their response date. */
    public record NoticeCount(NoticeLevel level, long open, long overdue) {}

    public List<NoticeCount> noticesByLevel(long campaignId, DataScope scope, LocalDate today) {
        return jdbc.sql("""
                SELECT n.level, COUNT(*) AS open_count,
                       SUM(CASE WHEN n.status = 'OPEN' AND n.response_due < :today THEN 1 ELSE 0 END) AS overdue
                FROM supervision_notice n JOIN org_unit_path u ON u.unit_id = n.unit_id
                WHERE n.campaign_id = :campaign AND n.status IN ('OPEN', 'RESPONDED') AND u.path LIKE :scope
                GROUP BY n.level""")
                .param("campaign", campaignId).param("scope", scope.likePattern()).param("today", Date.valueOf(today))
                .query((rs, n) -> new NoticeCount(NoticeLevel.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /**
     * Notices of the campaign created from {@code from} up to, not including, {@code until} (any status), per level,
     * addressed inside the scope: one statement (the briefing's month; it used to page through every notice in scope).
     */
    public java.util.Map<NoticeLevel, Long> noticesCreated(long campaignId, DataScope scope, java.time.Instant from,
                                                           java.time.Instant until) {
        java.util.Map<NoticeLevel, Long> counts = new java.util.EnumMap<>(NoticeLevel.class);
        jdbc.sql("""
                SELECT n.level, COUNT(*) FROM supervision_notice n
                JOIN campaign_task_ref t ON t.task_id = n.task_id
                JOIN org_unit_path u ON u.unit_id = n.unit_id
                WHERE n.campaign_id = :campaign AND n.created_at >= :from AND n.created_at < :until AND u.path LIKE :scope
                GROUP BY n.level""")
                .param("campaign", campaignId).param("scope", scope.likePattern())
                .param("from", java.sql.Timestamp.from(from)).param("until", java.sql.Timestamp.from(until))
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> counts.put(NoticeLevel.valueOf(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    private static List<String> reasons(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
