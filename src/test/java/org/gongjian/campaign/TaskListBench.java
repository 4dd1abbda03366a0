package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark: how the task list pages at 100,000 tasks, as ratios to the same query on a 1,000-task campaign measured
 * in the same run (printed, never asserted: timings are for reading, not for failing a build). What it asserts is that
 * each measured query answers correctly at that size (totals, page length, scope), so a fast wrong answer can't pass. {@code ./mvnw test -Dtest=TaskListBench -Dbench=true}
 * (add {@code GONGJIAN_TEST_DB=postgres} for PostgreSQL). Results: bench/README.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TaskListBench extends IntegrationTest {

    static final int SMALL = 1_000;
    static final int LARGE = 100_000;
    static final String[] CATEGORIES = CampaignCommand.DEFAULT_CATEGORIES.toArray(String[]::new);

    @Autowired
    OrgFixtures fixtures;
    @Autowired
    CampaignService campaigns;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pagesStayFastAtOneHundredThousandTasks() {
        OrgFixtures.County c = fixtures.county();
        DataScope county = DataScope.of(c.county().id(), c.county().path());
        DataScope township = DataScope.of(c.townshipA().id(), c.townshipA().path());
        long small = campaign("小", c, SMALL);
        long large = campaign("大", c, LARGE);

        double base = median(() -> tasks.tasks(small, filter(null, null), county, new PageQuery(0, 50)).total());
        List<String> lines = new ArrayList<>();
        lines.add(row("baseline: page 1, 1,000 tasks, county scope", base, base));
        lines.add(row("page 1 of 100,000, county scope", base,
                median(() -> tasks.tasks(large, filter(null, null), county, new PageQuery(0, 50)).total())));
        lines.add(row("page 1,000 of 100,000 (deep offset)", base,
                median(() -> tasks.tasks(large, filter(null, null), county, new PageQuery(1_000, 50)).total())));
        lines.add(row("category filter, 100,000", base,
                median(() -> tasks.tasks(large, filter(CATEGORIES[3], null), county, new PageQuery(0, 50)).total())));
        lines.add(row("keyword search, 100,000", base,
                median(() -> tasks.tasks(large, filter(null, "第777"), county, new PageQuery(0, 50)).total())));
        lines.add(row("township scope, 100,000", base,
                median(() -> tasks.tasks(large, filter(null, null), township, new PageQuery(0, 50)).total())));
        lines.add(row("category summary, 100,000", base,
                median(() -> (long) tasks.summary(large, county).size())));
        assertThat(tasks.tasks(large, filter(null, null), county, new PageQuery(0, 50)).total()).isEqualTo(LARGE);
        assertThat(tasks.tasks(large, filter(null, null), county, new PageQuery(1_000, 50)).items()).hasSize(50);
        assertThat(tasks.tasks(large, filter(CATEGORIES[3], null), county, new PageQuery(0, 50)).total())
                .isEqualTo(IntStreamCount.of(LARGE, i -> i % CATEGORIES.length == 3));
        assertThat(tasks.tasks(large, filter(null, "第777"), county, new PageQuery(0, 50)).total())
                .isEqualTo(IntStreamCount.of(LARGE, i -> ("任务第" + i + "号").contains("第777")));
        // townshipA leads every fourth task and its village another fourth: half the list is inside its scope.
        assertThat(tasks.tasks(large, filter(null, null), township, new PageQuery(0, 50)).total()).isEqualTo(LARGE / 2);
        assertThat(tasks.summary(large, county).stream().mapToLong(CategorySummary::tasks).sum()).isEqualTo(LARGE);
        System.out.println("\n=== TaskListBench (" + System.getenv().getOrDefault("GONGJIAN_TEST_DB", "h2") + ") ===");
        lines.forEach(System.out::println);
    }

    /** How many of 0…n−1 match: the expected answer, computed apart from the database. */
    private static final class IntStreamCount {
        static long of(int n, java.util.function.IntPredicate p) {
            return java.util.stream.IntStream.range(0, n).filter(p).count();
        }
    }

    private static TaskFilter filter(String category, String q) {
        return new TaskFilter(category, null, null, q, false, false);
    }

    /** Bulk rows straight into the tables: the benchmark measures reading, not the create path. */
    private long campaign(String tag, OrgFixtures.County c, int count) {
        CampaignView campaign = campaigns.create(new CampaignCommand("基准" + tag + c.tag(), 2026,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), c.county().id(), null,
                ReportingFrequency.MONTHLY, null, null, null, null, null), DataScope.everything());
        long[] units = {c.townshipA().id(), c.townshipB().id(), c.villageA().id(), c.department().id()};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {campaign.id(), "任务第" + i + "号", CATEGORIES[i % CATEGORIES.length],
                    units[i % units.length], (i * 37) % 100});
            if (rows.size() == 5_000 || i == count - 1) {
                jdbc.batchUpdate("""
                        INSERT INTO task (campaign_id, title, category, lead_unit_id, weight, start_date, due_date,
                            progress, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, 1, DATE '2026-01-01', DATE '2026-12-31', ?, CURRENT_TIMESTAMP,
                            CURRENT_TIMESTAMP, 0)""", rows);
                rows.clear();
            }
        }
        jdbc.execute("ANALYZE");
        return campaign.id();
    }

    private static double median(Supplier<Long> query) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        double[] ms = new double[15];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static String row(String name, double base, double ms) {
        return String.format(Locale.ROOT, "%-48s %8.2f ms  %6.1fx baseline", name, ms, ms / base);
    }
}
