package org.gongjian.campaign;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only task figures for dashboards, one statement each: progress per lead unit, current light reasons. */
@Service
@Transactional(readOnly = true)
public class TaskFigures {

    private final JdbcClient jdbc;

    TaskFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        jdbc.sql("SELECT id, light_reasons FROM task WHERE id IN (:ids)").param("ids", taskIds)
                .query((rs, n) -> {
                    String text = rs.getString(2);
                    map.put(rs.getLong(1), text == null || text.isBlank() ? List.of() : Arrays.asList(text.split("\n")));
                    return null;
                }).list();
        return map;
    }
}
