package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.shared.DataScope;
import org.gongjian.support.OrgFixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A monthly-reporting campaign of a county with {@code count} tasks inserted straight into the table (the create path
 * is not what is measured), spread over four units and four categories, started in March to June so that on
 * 2026-06-15 some have missed two reports (red), some one (yellow) and some none yet (green). {@link #withPlans} adds
 * what makes lights move by date alone in a real campaign: indicators behind plan, milestones due and overdue.
 */
@Component
class BulkTasks {

    private final CampaignService campaigns;
    private final JdbcTemplate jdbc;

    BulkTasks(CampaignService campaigns, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    long campaign(OrgFixtures.County c, int count) {
        CampaignView campaign = campaigns.create(new CampaignCommand("评价基准" + count + c.tag(), 2026,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), c.county().id(), null,
                ReportingFrequency.MONTHLY, null, null, null, null, null), DataScope.everything());
        long[] units = {c.townshipA().id(), c.townshipB().id(), c.villageA().id(), c.department().id()};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {campaign.id(), "评价任务第" + i + "号", CampaignCommand.DEFAULT_CATEGORIES.get(i % 4),
                    units[i % units.length], java.sql.Date.valueOf(LocalDate.of(2026, 3 + i % 4, 1))});
            if (rows.size() == 5_000 || i == count - 1) {
                jdbc.batchUpdate("""
                        INSERT INTO task (campaign_id, title, category, lead_unit_id, weight, start_date, due_date,
                            progress, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, 1, ?, DATE '2026-12-31', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""", rows);
                rows.clear();
            }
        }
        return campaign.id();
    }

    /**
     * The campaign of {@link #campaign} with the facts a real one has, so that a share of its tasks is due every day
     * ({@link LightRecheck}): one task in ten the parent of the nine inserted after it; every task an indicator
     * (0 → 1,000 万元, linear from its start to 2026-12-31) and two milestones. In each twenty tasks (ids in order):
     * six have reported 2 % (behind plan, red or yellow from mid-June: their reasons quote the day's plan), the others
     * 60 % (ahead until autumn); one has its second milestone due 2026-06-18, 20 or 22 (yellow from the 15th, red after),
     * one has it overdue since 2026-06-01; the others have it due on 2026-11-30 and the first done on 2026-05-18.
     */
    long withPlans(OrgFixtures.County c, int count) {
        long campaignId = campaign(c, count);
        Long first = jdbc.queryForObject("SELECT MIN(id) FROM task WHERE campaign_id = ?", Long.class, campaignId);
        // ids are consecutive: one session inserted them
        jdbc.update("""
                UPDATE task SET parent_task_id = ? + ((id - ?) / 10) * 10
                WHERE campaign_id = ? AND MOD(id - ?, 10) <> 0""", first, first, campaignId, first);
        jdbc.update("""
                INSERT INTO indicator (task_id, name, unit, baseline, target, actual, direction, sort_order)
                SELECT id, '完成投资', '万元', 0, 1000, CASE WHEN MOD(id - ?, 20) < 6 THEN 20 ELSE 600 END,
                    'HIGHER_IS_BETTER', 0
                FROM task WHERE campaign_id = ?""", first, campaignId);
        jdbc.update("""
                INSERT INTO milestone (task_id, title, due_date, done_date, sort_order)
                SELECT id, '完成方案', DATE '2026-05-20', DATE '2026-05-18', 0 FROM task WHERE campaign_id = ?""",
                campaignId);
        jdbc.update("""
                INSERT INTO milestone (task_id, title, due_date, done_date, sort_order)
                SELECT id, '项目开工', CASE MOD(id - ?, 20)
                        WHEN 7 THEN CASE MOD(id - ?, 3) WHEN 0 THEN DATE '2026-06-18' WHEN 1 THEN DATE '2026-06-20'
                            ELSE DATE '2026-06-22' END
                        WHEN 13 THEN DATE '2026-06-01'
                        ELSE DATE '2026-11-30' END, NULL, 1
                FROM task WHERE campaign_id = ?""", first, first, campaignId);
        return campaignId;
    }
}
