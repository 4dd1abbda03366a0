package org.gongjian.campaign;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only progress figures for dashboards: the average progress of the tasks each unit leads, one statement. */
@Service
@Transactional(readOnly = true)
public class ProgressFigures {

    private final JdbcClient jdbc;

    ProgressFigures(JdbcClient jdbc) {
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
}
