package org.gongjian.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only facts about a campaign's reports for one period, in bulk, for assessment's scoring: every revision with
 * its lateness and how often it was returned, and the indicator values approved up to a period. Unscoped: the
 * caller checks the campaign against its scope.
 */
@Service
@Transactional(readOnly = true)
public class PeriodReports {

    public record PeriodReport(long reportId, long taskId, String taskTitle, long unitId, String unitName, String period,
                               int revision,
                               ReportStatus status, boolean late, @Nullable Instant firstSubmittedAt,
                               @Nullable Instant approvedAt, int returns) {}

    private final JdbcClient jdbc;

    PeriodReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every revision of the period's reports (drafts included), oldest revision first per task. */
    public List<PeriodReport> ofPeriod(long campaignId, String period) {
        return jdbc.sql("""
                SELECT r.id, r.task_id, (SELECT t.title FROM campaign_task_ref t WHERE t.task_id = r.task_id), r.unit_id,
                       u.name, r.period, r.revision, r.status, r.late, r.first_submitted_at, r.approved_at,
                       (SELECT COUNT(*) FROM report_review v WHERE v.report_id = r.id AND v.action = '退回')
                FROM progress_report r
                JOIN org_unit_path u ON u.unit_id = r.unit_id
                WHERE r.campaign_id = :campaign AND r.period = :period
                ORDER BY r.task_id, r.revision""")
                .param("campaign", campaignId).param("period", period)
                .query((rs, n) -> new PeriodReport(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), ReportStatus.valueOf(rs.getString(8)),
                        rs.getBoolean(9), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getInt(12)))
                .list();
    }

    /** Task id → indicator id → the value of the latest approved report of a period up to {@code period}. */
    public Map<Long, Map<Long, BigDecimal>> approvedValuesUpTo(long campaignId, String period) {
        Map<Long, Map<Long, BigDecimal>> values = new HashMap<>();
        jdbc.sql("""
                SELECT r.task_id, v.indicator_id, v.reported_value FROM progress_report r
                JOIN report_indicator_value v ON v.report_id = r.id
                WHERE r.campaign_id = :campaign AND r.status = 'APPROVED' AND r.period <= :period
                ORDER BY r.period, r.revision""")
                .param("campaign", campaignId).param("period", period)
                .query(rs -> {
                    values.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getBigDecimal(3));
                });
        return values;
    }
}
