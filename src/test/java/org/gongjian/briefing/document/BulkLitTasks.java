package org.gongjian.briefing.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.shared.DataScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A monthly campaign of 2026 with {@code count} top-level tasks inserted straight into the tables with their lights
 * (as if evaluated: reasons, light state, maintained counts), spread round-robin over the lead units: task i has
 * progress (i × 37) mod 100 and the light GREEN, GREEN, GREEN, YELLOW, RED, DONE by i mod 6 (a sixth red). Started in
 * March with no report in, so every lead unit misses its reports due in the briefing's month.
 */
@Component
class BulkLitTasks {

    static final String[] LIGHTS = {"GREEN", "GREEN", "GREEN", "YELLOW", "RED", "DONE"};
    static final String[] CATEGORIES = CampaignCommand.DEFAULT_CATEGORIES.toArray(String[]::new);

    private final CampaignService campaigns;
    private final JdbcTemplate jdbc;

    BulkLitTasks(CampaignService campaigns, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    long campaign(String name, long ownerUnitId, List<Long> leadUnits, int count) {
        CampaignView campaign = campaigns.create(new CampaignCommand(name, 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), ownerUnitId, null, ReportingFrequency.MONTHLY, null, null, null, null, null),
                DataScope.everything());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {campaign.id(), "通报任务第" + i + "号", CATEGORIES[i % CATEGORIES.length],
                    leadUnits.get(i % leadUnits.size()), (i * 37) % 100, LIGHTS[i % LIGHTS.length]});
            if (rows.size() == 5_000 || i == count - 1) {
                jdbc.batchUpdate("""
                        INSERT INTO task (campaign_id, title, category, lead_unit_id, weight, start_date, due_date,
                            progress, light, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, 1, DATE '2026-03-01', DATE '2026-12-31', ?, ?,
                            CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""",
                        rows);
                rows.clear();
            }
        }
        jdbc.update("""
                INSERT INTO task_light_reason (task_id, reasons)
                SELECT id, '节点“完成方案”已逾期3天' || CHR(10) || '落后计划轨迹24%' FROM task WHERE campaign_id = ?""",
                campaign.id());
        jdbc.update("""
                INSERT INTO task_light_state (task_id, campaign_id, unit_id, category, top_level, light)
                SELECT id, campaign_id, lead_unit_id, category, TRUE, light FROM task WHERE campaign_id = ?""", campaign.id());
        jdbc.update("""
                INSERT INTO light_count (campaign_id, unit_id, category, top_level, light, task_count)
                SELECT campaign_id, lead_unit_id, category, TRUE, light, COUNT(*) FROM task WHERE campaign_id = ?
                GROUP BY campaign_id, lead_unit_id, category, light""", campaign.id());
        return campaign.id();
    }
}
