package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.gongjian.campaign.Light;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark: a campaign's light evaluation at {@code -Dbench.tasks} bulk-inserted tasks (default 20,000): the first
 * evaluation (every task new: history, counts and light written), a second one the next day with no fact changed,
 * with wall time and statements prepared for each. Printed, not asserted, except that every task got its light.
 * {@code ./mvnw test -Dtest=EvaluationBench -Dbench=true [-Dbench.tasks=100000] [-Dbench.plansOnly=true]} (add
 * {@code GONGJIAN_TEST_DB=postgres}; {@code bench.plansOnly} runs only the campaign with plans).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class EvaluationBench extends IntegrationTest {

    @Autowired OrgFixtures fixtures;
    @Autowired BulkTasks bulk;
    @Autowired LightEvaluation lights;
    @Autowired JdbcTemplate jdbc;

    @Test
    void evaluatesABulkCampaign() {
        int count = Integer.getInteger("bench.tasks", 20_000);
        OrgFixtures.County c = fixtures.county();
        LocalDate day = LocalDate.of(2026, 6, 15);
        if (Boolean.getBoolean("bench.plansOnly")) {   // the campaign with plans alone, a shorter run
            withPlans(c, count, day);
            return;
        }
        long campaignId = bulk.campaign(c, count);
        jdbc.execute("ANALYZE");

        long start = System.nanoTime();
        var first = StatementCounter.count(() -> lights.evaluateCampaign(campaignId, day));
        double firstMs = (System.nanoTime() - start) / 1e6;
        drained();
        long secondFrom = System.currentTimeMillis();
        start = System.nanoTime();
        var second = StatementCounter.count(() -> lights.evaluateCampaign(campaignId, day.plusDays(1)));
        double secondMs = (System.nanoTime() - start) / 1e6;
        long secondTo = System.currentTimeMillis();

        // the daily run as the job does it: incremental (LightRecheck), first a quiet day, then a day after 1 % of
        // the tasks had a report submitted
        start = System.nanoTime();
        var quiet = StatementCounter.count(() -> lights.evaluateDue(campaignId, day.plusDays(2)));
        double quietMs = (System.nanoTime() - start) / 1e6;
        List<Long> ids = jdbc.queryForList("SELECT id FROM task WHERE campaign_id = ? ORDER BY id", Long.class, campaignId);
        lights.factsChanged(ids.subList(0, Math.max(1, ids.size() / 100)).stream().toList());
        start = System.nanoTime();
        var onePercent = StatementCounter.count(() -> lights.evaluateDue(campaignId, day.plusDays(3)));
        double onePercentMs = (System.nanoTime() - start) / 1e6;

        assertThat(first.result().evaluated()).isEqualTo(count);
        assertThat(first.result().changed()).isEqualTo(count);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task WHERE campaign_id = ? AND light IS NULL",
                Long.class, campaignId)).isZero();
        System.out.println("\n=== EvaluationBench (" + System.getenv().getOrDefault("GONGJIAN_TEST_DB", "h2") + ", "
                + count + " tasks) ===");
        System.out.println(String.format(Locale.ROOT, "first evaluation (all new):   %10.0f ms  %8d statements  %s",
                firstMs, first.count(), first.result().lights()));
        System.out.println(String.format(Locale.ROOT, "next day, no fact changed:    %10.0f ms  %8d statements  %s  [%d..%d]",
                secondMs, second.count(), second.result().lights(), secondFrom, secondTo));
        System.out.println(String.format(Locale.ROOT, "daily run, quiet day:         %10.0f ms  %8d statements  %d evaluated  %.3f× the full next-day evaluation",
                quietMs, quiet.count(), quiet.result().evaluated(), quietMs / secondMs));
        System.out.println(String.format(Locale.ROOT, "daily run, 1 %% facts changed: %10.0f ms  %8d statements  %d evaluated  %.3f× the full next-day evaluation",
                onePercentMs, onePercent.count(), onePercent.result().evaluated(), onePercentMs / secondMs));
        first.statements().stream().collect(java.util.stream.Collectors.groupingBy(
                        sql -> sql.replaceAll("\\s+", " ").substring(0, Math.min(70, sql.replaceAll("\\s+", " ").length())),
                        java.util.stream.Collectors.counting()))
                .entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.println("  first: " + e.getValue() + " × " + e.getKey()));
        assertThat(second.result().lights().get(Light.GREEN) + second.result().lights().get(Light.YELLOW)
                + second.result().lights().get(Light.RED)).isEqualTo(count);
        if (!Boolean.getBoolean("bench.reportingOnly")) {
            withPlans(c, count, day);
        }
    }

    /**
     * A campaign whose lights also move by date (indicators behind plan, milestones due: {@link BulkTasks#withPlans}),
     * as most real ones: the first evaluation, the full one the next day, then three daily runs, each with how many
     * tasks it evaluated. Each phase prints its wall-clock span, to cut a JFR recording of the whole run by phase.
     */
    private void withPlans(OrgFixtures.County c, int count, LocalDate day) {
        long campaignId = bulk.withPlans(c, count);
        jdbc.execute("ANALYZE");
        System.out.println("\n=== EvaluationBench, campaign with indicators and milestones (" + count + " tasks) ===");
        timed("first evaluation (all new):", () -> lights.evaluateCampaign(campaignId, day));
        drained();
        // -Dbench.fullRuns=N: the full next-day evaluation N times over (nothing to write after the first), warm figures
        for (int run = Integer.getInteger("bench.fullRuns", 1); run > 0; run--) {
            timed("full evaluation, next day:", () -> lights.evaluateCampaign(campaignId, day.plusDays(1)));
        }
        for (int d = 2; d <= 4; d++) {
            LocalDate on = day.plusDays(d);
            timed("daily run " + on + ":", () -> lights.evaluateDue(campaignId, on));
        }
    }

    /**
     * Waits until the after-commit listeners have handled every event publication (each light change is one, handled
     * in a transaction of its own): their statements would otherwise run beside the next phase, on the same database.
     */
    private void drained() {
        long start = System.nanoTime();
        long left;
        do {
            left = jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", Long.class);
            if (left > 0) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } while (left > 0 && System.nanoTime() - start < 300e9);
        System.out.println(String.format(Locale.ROOT, "  event publications handled after commit in   %10.0f ms (%d left)",
                (System.nanoTime() - start) / 1e6, left));
    }

    private void timed(String label, java.util.function.Supplier<LightEvaluation.Summary> run) {
        java.util.Map<String, long[]> before = rowWrites();
        long from = System.currentTimeMillis();
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        var counted = StatementCounter.count(run);
        double ms = (System.nanoTime() - start) / 1e6;
        double cpuMs = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        // the thread's own CPU: what the evaluation costs the app, whatever else keeps the cores busy
        System.out.println(String.format(Locale.ROOT, "%-30s %10.0f ms  %8.0f ms app CPU  %8d statements  %6d evaluated"
                + "  %6d changed  %s  [%d..%d]", label, ms, cpuMs, counted.count(), counted.result().evaluated(),
                counted.result().changed(), counted.result().lights(), from, System.currentTimeMillis()));
        printRowWrites(before, rowWrites());
    }

    /**
     * PostgreSQL: rows inserted, updated (of which HOT) and deleted per table of the test schema so far, and rows read
     * (fetched through an index or scanned) — what a phase wrote and read, independent of the machine's load (the
     * statistics arrive within a second or so of the commit).
     */
    private java.util.Map<String, long[]> rowWrites() {
        java.util.Map<String, long[]> rows = new java.util.TreeMap<>();
        if (!TestDatabase.postgresRequested()) {
            return rows;
        }
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        jdbc.query("""
                SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del,
                       COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0) FROM pg_stat_user_tables
                WHERE schemaname = current_schema()""", rs -> {
            rows.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6)});
        });
        return rows;
    }

    private static void printRowWrites(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after) {
        after.forEach((table, now) -> {
            long[] was = before.getOrDefault(table, new long[5]);
            long ins = now[0] - was[0], upd = now[1] - was[1], hot = now[2] - was[2], del = now[3] - was[3];
            long read = now[4] - was[4];
            if (ins + upd + del + read > 0) {
                System.out.println(String.format(Locale.ROOT, "    rows %-28s inserted %7d  updated %7d (HOT %7d)  deleted %7d"
                        + "  read %8d", table, ins, upd, hot, del, read));
            }
        });
    }
}
