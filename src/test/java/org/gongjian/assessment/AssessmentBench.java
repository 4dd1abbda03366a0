package org.gongjian.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: scoring one month of a 10,000-task campaign (12 townships and 4 departments, one indicator
 * per task, 90 % of the month's reports in, some late), as ratios to a plain SELECT over the same tasks measured in
 * the same run. {@code ./mvnw test -Dtest=AssessmentBench -Dbench=true} (add {@code GONGJIAN_TEST_DB=postgres}).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class AssessmentBench extends IntegrationTest {

    static final int TASKS = 10_000;

    @Autowired OrgFixtures fixtures;
    @Autowired OrgService org;
    @Autowired CampaignService campaigns;
    @Autowired RankingService rankings;
    @Autowired AssessmentFacts facts;
    @Autowired SchemeService schemes;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.gongjian.campaign.TaskService tasks;
    @Autowired org.gongjian.report.PeriodReports periodReports;

    @Test
    void scoresAMonthOfTenThousandTasks() {
        clock.set(Instant.parse("2026-11-10T02:00:00Z"));
        OrgFixtures.County c = fixtures.county();
        DataScope county = DataScope.of(c.county().id(), c.county().path());
        List<Long> units = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            UnitKind kind = i < 12 ? UnitKind.TOWNSHIP : UnitKind.DEPARTMENT;
            units.add(org.createUnit(new UnitCommand("基准" + kind.label() + i + c.tag(), kind, c.county().id(),
                    "BU" + i + c.tag()), DataScope.everything()).id());
        }
        CampaignView campaign = campaigns.create(new CampaignCommand("考核基准" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), DataScope.everything());
        load(campaign.id(), units);
        CurrentUser office = new CurrentUser(0, "bench", null, c.county().id(), EnumSet.of(Role.SUPERVISOR));
        ReportingPeriod october = ReportingPeriod.parse("2026-10", campaign);

        double base = median(() -> (long) jdbc.queryForList(
                "SELECT id, lead_unit_id, weight, start_date, due_date, progress FROM task WHERE campaign_id = ?",
                campaign.id()).size());
        double collect = median(() -> facts.collect(campaign.id(), october, UnitGroup.TOWNSHIP, county).stream()
                .map(u -> Scoring.score(u, schemes.stored(campaign.id()), campaign.id())).count());
        double draft = median(() -> (long) rankings.compute(campaign.id(), "2026-10", UnitGroup.TOWNSHIP, office, county)
                .items().size());
        List<String> lines = new ArrayList<>();
        lines.add(row("baseline: SELECT the 10,000 tasks", base, base));
        lines.add(row("  of which: TaskService.tasksForEvaluation", base,
                median(() -> (long) tasks.tasksForEvaluation(campaign.id()).size())));
        lines.add(row("  of which: PeriodReports.ofPeriod", base,
                median(() -> (long) periodReports.ofPeriod(campaign.id(), "2026-10").size())));
        lines.add(row("  of which: PeriodReports.approvedValuesUpTo", base,
                median(() -> (long) periodReports.approvedValuesUpTo(campaign.id(), "2026-10").size())));
        lines.add(row("collect facts + score (townships, no writes)", base, collect));
        lines.add(row("compute draft: collect, score, store, read back", base, draft));
        System.out.println("\n=== AssessmentBench (" + System.getenv().getOrDefault("GONGJIAN_TEST_DB", "h2") + ") ===");
        lines.forEach(System.out::println);
    }

    /** Bulk rows straight into the tables: the benchmark measures scoring, not the create paths. */
    private void load(long campaignId, List<Long> units) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            rows.add(new Object[] {campaignId, "考核任务第" + i + "号", "民生改善", units.get(i % units.size()), (i * 37) % 100});
        }
        jdbc.batchUpdate("""
                INSERT INTO task (campaign_id, title, category, lead_unit_id, weight, start_date, due_date,
                    progress, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, 1, DATE '2026-01-01', DATE '2026-12-31', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""", rows);
        jdbc.update("""
                INSERT INTO indicator (task_id, name, unit, baseline, target, actual, direction, sort_order)
                SELECT id, '完成量', '项', 0, 100, NULL, 'HIGHER_IS_BETTER', 0 FROM task WHERE campaign_id = ?""", campaignId);
        jdbc.update("""
                INSERT INTO progress_report (task_id, campaign_id, unit_id, period, revision, deadline, status, late,
                    created_by, created_at, updated_at, first_submitted_at, submitted_at, approved_at, version)
                SELECT id, campaign_id, lead_unit_id, '2026-10', 1, DATE '2026-11-05', 'APPROVED', MOD(id, 7) = 0,
                    'bench', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1
                FROM task WHERE campaign_id = ? AND MOD(id, 10) <> 0""", campaignId);
        jdbc.update("""
                INSERT INTO report_indicator_value (report_id, indicator_id, reported_value)
                SELECT r.id, i.id, MOD(r.task_id, 90) FROM progress_report r JOIN indicator i ON i.task_id = r.task_id
                WHERE r.campaign_id = ?""", campaignId);
        jdbc.execute("ANALYZE");
    }

    private static double median(Supplier<Long> run) {
        for (int i = 0; i < 3; i++) {
            run.get();
        }
        double[] ms = new double[7];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static String row(String name, double base, double ms) {
        return String.format(Locale.ROOT, "%-52s %9.2f ms  %7.1fx baseline", name, ms, ms / base);
    }
}
