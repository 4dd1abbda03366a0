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
 * 2026-06-15 some have missed two reports (red), some one (yellow) and some none yet (green).
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
}
