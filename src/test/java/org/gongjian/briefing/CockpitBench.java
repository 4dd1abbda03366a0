package org.gongjian.briefing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskService;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: the cockpit at city scale (10 counties × 12 townships × 10 villages, 20,000 tasks with
 * lights, light history and maintained counts), p50/p95 of warm dashboards as ratios to baselines measured in the
 * same run: a trivial query round trip ({@code SELECT 1}) and the campaign page's category summary (county scope, a GROUP BY over the tasks).
 * The parts of the city's, the county's and the township's dashboards are timed on their own too.
 * {@code ./mvnw test -Dtest=CockpitBench -Dbench=true [-Dbench.tasks=100000 -Dbench.villages=30]} (add
 * {@code GONGJIAN_TEST_DB=postgres}; 30 villages per township make the harness city's ≈ 3,700 units). Results: bench/README.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CockpitBench extends IntegrationTest {

    static final int TASKS = Integer.getInteger("bench.tasks", 20_000);
    static final int VILLAGES = Integer.getInteger("bench.villages", 10);
    static final int RUNS = 200;
    static final String[] CATEGORIES = CampaignCommand.DEFAULT_CATEGORIES.toArray(String[]::new);
    static final String[] LIGHTS = {"GREEN", "GREEN", "GREEN", "YELLOW", "RED", "DONE"};
    static final DataScope ALL = DataScope.everything();

    @Autowired OrgService org;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;
    @Autowired Cockpit cockpit;
    @Autowired CockpitRefresh refresh;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.gongjian.supervision.SupervisionFigures figures;
    @Autowired org.gongjian.pledge.PledgeFigures pledgeFigures;
    @Autowired CockpitStore store;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void dashboardAtCityScale() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long t0 = System.nanoTime();
        UnitView city = org.createUnit(new UnitCommand("基准市" + tag, UnitKind.CITY, null, "BC" + tag), ALL);
        List<UnitView> counties = new ArrayList<>();
        List<UnitView> leads = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            UnitView county = org.createUnit(new UnitCommand("县" + k + tag, UnitKind.COUNTY, city.id(), "BK" + k + tag), ALL);
            counties.add(county);
            leads.add(county);
            for (int t = 0; t < 12; t++) {
                UnitView town = org.createUnit(new UnitCommand("镇" + k + "-" + t + tag, UnitKind.TOWNSHIP, county.id(),
                        "BT" + k + "-" + t + tag), ALL);
                leads.add(town);
                for (int v = 0; v < VILLAGES; v++) {
                    leads.add(org.createUnit(new UnitCommand("村" + k + "-" + t + "-" + v + tag, UnitKind.VILLAGE,
                            town.id(), "BV" + k + "-" + t + "-" + v + tag), ALL));
                }
            }
        }
        CampaignView campaign = campaigns.create(new CampaignCommand("城市攻坚" + tag, 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), city.id(), null, ReportingFrequency.MONTHLY, null, null, null, null, null), ALL);
        tasksWithLights(campaign.id(), leads);
        long t1 = System.nanoTime();
        refresh.refresh(campaign.id());
        long t2 = System.nanoTime();
        jdbc.execute("ANALYZE"); // what autovacuum does after a bulk change

        DataScope cityScope = DataScope.of(city.id(), city.path());
        UnitView county = counties.get(3);
        DataScope countyScope = DataScope.of(county.id(), county.path());
        UnitView town = org.children(county.id(), ALL).get(5);
        DataScope townScope = DataScope.of(town.id(), town.path());
        double[] select1 = time(() -> jdbc.queryForObject("SELECT 1", Integer.class));
        double[] taskPage = time(() -> tasks.summary(campaign.id(), countyScope).size());
        double[] cityBoard = time(() -> cockpit.dashboard(campaign.id(), null, cityScope));
        double[] countyBoard = time(() -> cockpit.dashboard(campaign.id(), null, countyScope));
        double[] townBoard = time(() -> cockpit.dashboard(campaign.id(), null, townScope));

        // the parts of each dashboard, to see where its time goes
        List<Object[]> parts = new ArrayList<>();
        for (var focus : List.of(new Object[] {"city", cityScope}, new Object[] {"county", countyScope},
                new Object[] {"township", townScope})) {
            DataScope scope = (DataScope) focus[1];
            parts.add(new Object[] {"  " + focus[0] + " part: light counts", time(() -> figures.lightCells(campaign.id(), scope))});
            parts.add(new Object[] {"  " + focus[0] + " part: red list", time(() -> figures.longestRed(campaign.id(), scope, 10))});
            parts.add(new Object[] {"  " + focus[0] + " part: period figures", time(() -> tx.execute(st -> store.figures(campaign.id(), scope.unitId(), scope.path())))});
            parts.add(new Object[] {"  " + focus[0] + " part: notices", time(() -> figures.noticesByLevel(campaign.id(), scope, LocalDate.of(2026, 6, 15)))});
            parts.add(new Object[] {"  " + focus[0] + " part: pledges", time(() -> pledgeFigures.signing(campaign.id(), scope))});
            parts.add(new Object[] {"  " + focus[0] + " part: child units", time(() -> store.children(scope.unitId()))});
        }
        System.out.println("\n=== CockpitBench (" + System.getenv().getOrDefault("GONGJIAN_TEST_DB", "h2") + "), "
                + TASKS + " tasks, " + leads.size() + " lead units; setup " + (t1 - t0) / 1_000_000 + " ms, refresh "
                + (t2 - t1) / 1_000_000 + " ms ===");
        System.out.println(String.format(Locale.ROOT, "%-40s %9s %9s %12s %12s", "", "p50 ms", "p95 ms",
                "p95/SELECT1", "p95/summary"));
        for (var row : List.of(new Object[] {"baseline: SELECT 1", select1}, new Object[] {"baseline: campaign page category summary", taskPage},
                new Object[] {"dashboard, city (10 counties)", cityBoard},
                new Object[] {"dashboard, county", countyBoard}, new Object[] {"dashboard, township", townBoard})) {
            double[] ms = (double[]) row[1];
            System.out.println(String.format(Locale.ROOT, "%-40s %9.2f %9.2f %11.1fx %11.2fx", row[0], p(ms, 50), p(ms, 95),
                    p(ms, 95) / p(select1, 95), p(ms, 95) / p(taskPage, 95)));
        }
        for (Object[] row : parts) {
            double[] ms = (double[]) row[1];
            System.out.println(String.format(Locale.ROOT, "%-40s %9.2f %9.2f %11.1fx %11.2fx", row[0], p(ms, 50), p(ms, 95),
                    p(ms, 95) / p(select1, 95), p(ms, 95) / p(taskPage, 95)));
        }
    }

    /** Bulk rows straight into the tables (the bench measures reading): tasks, their light state, counts, red history. */
    private void tasksWithLights(long campaignId, List<UnitView> leads) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            rows.add(new Object[] {campaignId, "任务" + i, CATEGORIES[i % CATEGORIES.length],
                    leads.get(i % leads.size()).id(), (i * 37) % 100, LIGHTS[i % LIGHTS.length]});
        }
        for (int from = 0; from < rows.size(); from += 5_000) {
            jdbc.batchUpdate("""
                    INSERT INTO task (campaign_id, title, category, lead_unit_id, weight, start_date, due_date,
                        progress, light, created_at, updated_at, version)
                    VALUES (?, ?, ?, ?, 1, DATE '2026-01-01', DATE '2026-12-31', ?, ?,
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""", rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
        jdbc.update("""
                INSERT INTO task_light_reason (task_id, reasons)
                SELECT id, '节点“完成方案”已逾期3天' FROM task WHERE campaign_id = ?""", campaignId);
        jdbc.update("""
                INSERT INTO task_light_state (task_id, campaign_id, unit_id, category, top_level, light)
                SELECT id, campaign_id, lead_unit_id, category, TRUE, light FROM task WHERE campaign_id = ?""", campaignId);
        jdbc.update("""
                INSERT INTO light_count (campaign_id, unit_id, category, top_level, light, task_count)
                SELECT campaign_id, lead_unit_id, category, TRUE, light, COUNT(*) FROM task WHERE campaign_id = ?
                GROUP BY campaign_id, lead_unit_id, category, light""", campaignId);
        // history: every task from 1 May, red ones turned red on a day in June (days apart, so the red list is ordered)
        jdbc.update("""
                INSERT INTO task_light_period (task_id, campaign_id, light, reasons, since_date, until_date)
                SELECT id, campaign_id, light, '节点“完成方案”已逾期3天', ?, NULL FROM task WHERE campaign_id = ?""",
                Date.valueOf(LocalDate.of(2026, 5, 1)), campaignId);
        jdbc.execute("ANALYZE");
    }

    private static double[] time(Runnable action) {
        for (int i = 0; i < 30; i++) {
            action.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            action.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double p(double[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
