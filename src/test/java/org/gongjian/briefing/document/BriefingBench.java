package org.gongjian.briefing.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
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
 * it) of a campaign with {@code -Dbench.tasks} bulk-inserted tasks (default 100,000) over a city's 1,331 lead units
 * (10 counties × 12 townships × 10 villages), a sixth of them red, none reported (so every unit misses its May
 * reports): wall time and statements of the data (assembly) and of each document, as a ratio to the same briefing of
 * a 5,000-task campaign over the same units measured in the same run. Printed, not asserted.
 * {@code ./mvnw test -Dtest=BriefingBench -Dbench=true [-Dbench.tasks=100000]} (add {@code GONGJIAN_TEST_DB=postgres}).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class BriefingBench extends IntegrationTest {

    static final int BASELINE = 5_000;
    static final int RUNS = 3;
    static final String[] CATEGORIES = CampaignCommand.DEFAULT_CATEGORIES.toArray(String[]::new);
    static final String[] LIGHTS = {"GREEN", "GREEN", "GREEN", "YELLOW", "RED", "DONE"};
    static final DataScope ALL = DataScope.everything();
    static final BriefingPeriod JUNE = BriefingPeriod.parse("2026-06");

    @Autowired OrgService org;
    @Autowired CampaignService campaigns;
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
        long small = campaign("通报基准" + BASELINE + tag, city, leads, BASELINE);
        long large = campaign("通报基准" + count + tag, city, leads, count);
        jdbc.execute("ANALYZE");
        long setupMs = (System.nanoTime() - t0) / 1_000_000;

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

    /** Bulk rows straight into the tables (the bench measures reading): tasks with their lights, reasons and counts. */
    private long campaign(String name, UnitView city, List<UnitView> leads, int count) {
        CampaignView campaign = campaigns.create(new CampaignCommand(name, 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), city.id(), null, ReportingFrequency.MONTHLY, null, null, null, null, null), ALL);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {campaign.id(), "通报基准任务第" + i + "号", CATEGORIES[i % CATEGORIES.length],
                    leads.get(i % leads.size()).id(), (i * 37) % 100, LIGHTS[i % LIGHTS.length]});
            if (rows.size() == 5_000 || i == count - 1) {
                jdbc.batchUpdate("""
                        INSERT INTO task (campaign_id, title, category, lead_unit_id, weight, start_date, due_date,
                            progress, light, light_reasons, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, 1, DATE '2026-03-01', DATE '2026-12-31', ?, ?,
                            '节点“完成方案”已逾期3天' || CHR(10) || '落后计划轨迹24%', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""",
                        rows);
                rows.clear();
            }
        }
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
