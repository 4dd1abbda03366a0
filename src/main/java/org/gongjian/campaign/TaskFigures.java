package org.gongjian.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only task figures for dashboards and the written briefing, one statement each whatever the number of tasks
 * (a city's campaign has 100,000): progress per lead unit, current light reasons, the top-level tasks by light, the
 * red tasks where the work is done. Unscoped, like {@link TaskService#tasksForEvaluation(long)}: the caller has
 * checked the campaign against the caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class TaskFigures {

    private static final String FROM = " FROM task t JOIN org_unit_path lu ON lu.unit_id = t.lead_unit_id";
    private static final String RED_LEAF = " WHERE t.campaign_id = :campaign AND t.light = 'RED'"
            + " AND NOT EXISTS (SELECT 1 FROM task c WHERE c.parent_task_id = t.id)";

    private final JdbcClient jdbc;

    private final TaskReasons reasons;

    TaskFigures(JdbcClient jdbc, TaskReasons reasons) {
        this.jdbc = jdbc;
        this.reasons = reasons;
    }

    /** Tasks a unit leads in a campaign and the sum of their progress (%), so callers can average over any roll-up. */
    public record UnitProgress(long unitId, long tasks, BigDecimal progressSum) {}

    public List<UnitProgress> byLeadUnit(long campaignId) {
        return jdbc.sql("""
                SELECT lead_unit_id, COUNT(*), COALESCE(SUM(progress), 0) FROM task
                WHERE campaign_id = :campaign GROUP BY lead_unit_id""")
                .param("campaign", campaignId)
                .query((rs, n) -> new UnitProgress(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3))).list();
    }

    /** The current light reasons of a few tasks (a dashboard's red list), by task id. */
    public Map<Long, List<String>> lightReasons(List<Long> taskIds) {
        Map<Long, List<String>> map = new HashMap<>();
        if (taskIds.isEmpty()) {
            return map;
        }
        jdbc.sql("SELECT t.id, r.reasons, ld.evaluated_on, r.evaluated_on FROM task t LEFT JOIN task_light_reason r ON r.task_id = t.id"
                        + " LEFT JOIN campaign_light_day ld ON ld.campaign_id = t.campaign_id WHERE t.id IN (:ids)")
                .param("ids", taskIds)
                .query((rs, n) -> {
                    String text = rs.getString(2);
                    map.put(rs.getLong(1), reasons.on(lines(text), TaskReasons.later(rs.getDate(3), rs.getDate(4))));
                    return null;
                }).list();
        return map;
    }

    /** The campaign's own list (top-level tasks): how many, per light (null = not evaluated yet), progress summed. */
    public record TopLevelTally(int tasks, int green, int yellow, int red, int done, int unevaluated,
                                BigDecimal progressSum) {}

    /** A red task without subtasks (a parent is red through these) and the light's reasons. */
    public record RedLeaf(long id, String title, String category, long leadUnitId, String leadUnitName,
                          @Nullable String leadLeaderName,
                          BigDecimal progress, List<String> reasons) {}

    /**
     * The {@code limit} least advanced red leaves (ties by id), how many there are in all, and the lead units of all
     * of them by id (each once, however many share its name), with their names.
     */
    public record RedLeaves(List<RedLeaf> leastAdvanced, int total, java.util.Map<Long, String> leadUnits) {}

    public TopLevelTally topLevelTally(long campaignId) {
        // the sum, not an average, so the caller rounds exactly as it did over the views (sum / count, half up)
        return jdbc.sql("""
                SELECT COUNT(*),
                       SUM(CASE WHEN t.light = 'GREEN' THEN 1 ELSE 0 END), SUM(CASE WHEN t.light = 'YELLOW' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN t.light = 'RED' THEN 1 ELSE 0 END), SUM(CASE WHEN t.light = 'DONE' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN t.light IS NULL THEN 1 ELSE 0 END), COALESCE(SUM(t.progress), 0)
                """ + FROM + " WHERE t.campaign_id = :campaign AND t.parent_task_id IS NULL")
                .param("campaign", campaignId)
                .query((rs, n) -> new TopLevelTally(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getBigDecimal(7)))
                .single();
    }

    public RedLeaves redLeaves(long campaignId, int limit) {
        List<RedLeaf> first = jdbc.sql("""
                SELECT t.id, t.title, t.category, lu.unit_id, lu.name, lp.name, t.progress, r.reasons, ld.evaluated_on, r.evaluated_on"""
                        + FROM + " LEFT JOIN org_person lp ON lp.person_id = t.lead_leader_id"
                        + " LEFT JOIN task_light_reason r ON r.task_id = t.id"
                        + " LEFT JOIN campaign_light_day ld ON ld.campaign_id = t.campaign_id" + RED_LEAF
                        + " ORDER BY t.progress, t.id LIMIT :limit")
                .param("campaign", campaignId).param("limit", limit)
                .query((rs, n) -> new RedLeaf(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), reasons.on(lines(rs.getString(8)), TaskReasons.later(rs.getDate(9), rs.getDate(10)))))
                .list();
        int total = 0;
        java.util.Map<Long, String> units = new java.util.HashMap<>();
        for (Object[] row : jdbc.sql("SELECT lu.unit_id, lu.name, COUNT(*)" + FROM + RED_LEAF + " GROUP BY lu.unit_id, lu.name")
                .param("campaign", campaignId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)}).list()) {
            units.put((Long) row[0], (String) row[1]);
            total += (Integer) row[2];
        }
        return new RedLeaves(first, total, units);
    }


    private static List<String> lines(@Nullable String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
    }
}
