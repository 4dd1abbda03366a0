package org.gongjian.briefing.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: the written briefing (draft of 2026-06, as {@code GET …/briefings/2026-06.docx|.pdf} builds
 * it) of a campaign with {@code -Dbench.tasks} bulk-inserted tasks (default 100,000) over a city's 1,330 lead units
 * (10 counties, 120 townships, 1,200 villages), a sixth of them red, none reported (so every unit misses its May
 * reports): wall time and statements of the data (assembly) and of each document, as a ratio to the same briefing of
 * a 5,000-task campaign over the same units measured in the same run. Printed, not asserted.
 * {@code ./mvnw test -Dtest=BriefingBench -Dbench=true [-Dbench.tasks=100000]} (add {@code GONGJIAN_TEST_DB=postgres}).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class BriefingBench extends IntegrationTest {

    static final int BASELINE = 5_000;
    static final int RUNS = 3;
    static final DataScope ALL = DataScope.everything();
    static final BriefingPeriod JUNE = BriefingPeriod.parse("2026-06");

    @Autowired OrgService org;
    @Autowired BulkLitTasks bulk;
    @Autowired BriefingService briefings;
    @Autowired BriefingDocx docx;
    @Autowired BriefingPdf pdf;
    @Autowired JdbcTemplate jdbc;

    record Timing(double ms, int statements, int bytes) {}

    @Test
    void briefingOfABulkCampaign() throws Exception {
        int count = Integer.getInteger("bench.tasks", 100_000);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long t0 = System.nanoTime();
        UnitView city = org.createUnit(new UnitCommand("基准市" + tag, UnitKind.CITY, null, "BB" + tag), ALL);
        List<UnitView> leads = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            UnitView county = org.createUnit(new UnitCommand("县" + k + tag, UnitKind.COUNTY, city.id(), "BBK" + k + tag), ALL);
            leads.add(county);
            for (int t = 0; t < 12; t++) {
                UnitView town = org.createUnit(new UnitCommand("镇" + k + "-" + t + tag, UnitKind.TOWNSHIP, county.id(),
                        "BBT" + k + "-" + t + tag), ALL);
                leads.add(town);
                for (int v = 0; v < 10; v++) {
                    leads.add(org.createUnit(new UnitCommand("村" + k + "-" + t + "-" + v + tag, UnitKind.VILLAGE,
                            town.id(), "BBV" + k + "-" + t + "-" + v + tag), ALL));
                }
            }
        }
        List<Long> ids = leads.stream().map(UnitView::id).toList();
        long small = bulk.campaign("通报基准" + BASELINE + tag, city.id(), ids, BASELINE);
        long large = bulk.campaign("通报基准" + count + tag, city.id(), ids, count);
        jdbc.execute("ANALYZE");
        long setupMs = (System.nanoTime() - t0) / 1_000_000;

        measure(small); // warm-up: the JIT compiles POI, XMLBeans and OpenPDF on the baseline, not in its figures
        Map<String, Timing> base = measure(small);
        Map<String, Timing> big = measure(large);
        System.out.println("\n=== BriefingBench (" + System.getenv().getOrDefault("GONGJIAN_TEST_DB", "h2") + ", "
                + count + " tasks vs " + BASELINE + ", " + leads.size() + " lead units; setup " + setupMs + " ms; load "
                + String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()) + ") ===");
        System.out.println(String.format(Locale.ROOT, "%-22s %12s %8s %10s %12s %8s %10s %9s", "best of " + RUNS,
                BASELINE + " ms", "stmts", "bytes", count + " ms", "stmts", "bytes", "ratio"));
        for (String what : base.keySet()) {
            Timing b = base.get(what);
            Timing l = big.get(what);
            System.out.println(String.format(Locale.ROOT, "%-22s %12.0f %8d %10d %12.0f %8d %10d %8.2fx", what, b.ms(),
                    b.statements(), b.bytes(), l.ms(), l.statements(), l.bytes(), l.ms() / b.ms()));
        }
        if (Boolean.getBoolean("bench.keep")) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
            BriefingService.BriefingView view = briefings.briefing(large, JUNE, ALL);
            java.nio.file.Files.write(java.nio.file.Path.of("target/briefing-bench.docx"), docx.render(view.data(), false));
            java.nio.file.Files.write(java.nio.file.Path.of("target/briefing-bench.pdf"), pdf.render(view.data(), false));
        }
    }

    /** The briefing's data alone, then each document from scratch (data + rendering, as a download does it). */
    private Map<String, Timing> measure(long campaignId) {
        Map<String, Timing> timings = new java.util.LinkedHashMap<>();
        timings.put("data (assembly)", best(() -> {
            briefings.briefing(campaignId, JUNE, ALL);
            return new byte[0];
        }));
        timings.put(".docx (data + file)", best(() -> {
            BriefingService.BriefingView view = briefings.briefing(campaignId, JUNE, ALL);
            return docx.render(view.data(), view.published());
        }));
        timings.put(".pdf (data + file)", best(() -> {
            BriefingService.BriefingView view = briefings.briefing(campaignId, JUNE, ALL);
            return pdf.render(view.data(), view.published());
        }));
        return timings;
    }

    private static Timing best(Supplier<byte[]> work) {
        Timing best = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            var counted = StatementCounter.count(work);
            double ms = (System.nanoTime() - start) / 1e6;
            if (best == null || ms < best.ms()) {
                best = new Timing(ms, counted.count(), counted.result().length);
            }
            if (i == 0 && Boolean.getBoolean("bench.statements")) {
                counted.statements().stream().collect(Collectors.groupingBy(
                                sql -> sql.replaceAll("\\s+", " ").substring(0, Math.min(70, sql.replaceAll("\\s+", " ").length())),
                                Collectors.counting()))
                        .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                        .forEach(e -> System.out.println("  " + e.getValue() + " × " + e.getKey()));
            }
        }
        return best;
    }
}
