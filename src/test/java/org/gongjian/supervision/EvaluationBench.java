package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark: a campaign's light evaluation at {@code -Dbench.tasks} bulk-inserted tasks (default 20,000): the first
 * evaluation (every task new: history, counts and light written), a second one the next day with no fact changed,
 * with wall time and statements prepared for each. Printed, not asserted, except that every task got its light.
 * {@code ./mvnw test -Dtest=EvaluationBench -Dbench=true [-Dbench.tasks=100000]} (add {@code GONGJIAN_TEST_DB=postgres}).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class EvaluationBench extends IntegrationTest {

    @Autowired OrgFixtures fixtures;
    @Autowired CampaignService campaigns;
    @Autowired LightEvaluation lights;
    @Autowired JdbcTemplate jdbc;

    @Test
    void evaluatesABulkCampaign() {
        int count = Integer.getInteger("bench.tasks", 20_000);
        OrgFixtures.County c = fixtures.county();
        CampaignView campaign = campaigns.create(new CampaignCommand("评价基准" + c.tag(), 2026,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), c.county().id(), null,
                ReportingFrequency.MONTHLY, null, null, null, null, null), DataScope.everything());
        long[] units = {c.townshipA().id(), c.townshipB().id(), c.villageA().id(), c.department().id()};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // staggered start dates: some tasks have missed one period, some two, some none yet
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
        jdbc.execute("ANALYZE");
        LocalDate day = LocalDate.of(2026, 6, 15);

        long start = System.nanoTime();
        var first = StatementCounter.count(() -> lights.evaluateCampaign(campaign.id(), day));
        double firstMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        var second = StatementCounter.count(() -> lights.evaluateCampaign(campaign.id(), day.plusDays(1)));
        double secondMs = (System.nanoTime() - start) / 1e6;

        assertThat(first.result().evaluated()).isEqualTo(count);
        assertThat(first.result().changed()).isEqualTo(count);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task WHERE campaign_id = ? AND light IS NULL",
                Long.class, campaign.id())).isZero();
        System.out.println("\n=== EvaluationBench (" + System.getenv().getOrDefault("GONGJIAN_TEST_DB", "h2") + ", "
                + count + " tasks) ===");
        System.out.println(String.format(Locale.ROOT, "first evaluation (all new):   %10.0f ms  %8d statements  %s",
                firstMs, first.count(), first.result().lights()));
        System.out.println(String.format(Locale.ROOT, "next day, no fact changed:    %10.0f ms  %8d statements  %s",
                secondMs, second.count(), second.result().lights()));
        assertThat(second.result().lights().get(Light.GREEN) + second.result().lights().get(Light.YELLOW)
                + second.result().lights().get(Light.RED)).isEqualTo(count);
    }
}
