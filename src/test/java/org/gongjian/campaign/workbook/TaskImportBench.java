package org.gongjian.campaign.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.support.HeapWatch;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.gongjian.support.TestDatabase;
import org.gongjian.support.XlsxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (issue #18: "10,000-row xlsx import < 10 s"): imports a workbook of {@code -Dbench.rows} rows (default
 * 10,000) shaped as the load harness's (bench/load Workbooks: top-level tasks led by units named by code, each with an
 * indicator and two milestones; {@code -Dbench.subtasks=4} makes every fifth row a parent of the four after it),
 * {@code -Dbench.repeats} times (default 3; the first one is the JVM's cold run) into fresh campaigns, and prints per
 * import the time, this thread's CPU time, the statements prepared, the task_tally rows appended (PostgreSQL: one per INSERT the server ran on
 * task and per key it touched) and the peak heap in use. Run it as
 * {@code GONGJIAN_TEST_DB=postgres ./mvnw test -Dtest=TaskImportBench -Dbench=true}; add
 * {@code -DargLine=-XX:StartFlightRecording=filename=import.jfr,settings=profile} for a profile. It asserts only that
 * every row became a task, so a fast wrong answer can't pass.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TaskImportBench extends IntegrationTest {

    @Autowired OrgFixtures fixtures;
    @Autowired CampaignService campaigns;
    @Autowired TaskImporter importer;
    @Autowired JdbcClient jdbc;

    @Test
    void importsTenThousandRows() throws Exception {
        int rows = Integer.getInteger("bench.rows", 10_000);
        int subtasks = Integer.getInteger("bench.subtasks", 0);
        int repeats = Integer.getInteger("bench.repeats", 3);
        OrgFixtures.County c = fixtures.county();
        List<String> units = List.of(c.townshipA().code(), c.townshipB().code(), c.villageA().code(),
                c.department().code());
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%n=== TaskImportBench (%s, %d rows, %d subtasks per parent; load %s) ===%n"
                        + "heap limit (-Xmx) %d MB%nrun | ms | this thread's CPU ms (the rest: waiting on the database, GC) | statements | task_tally rows appended | heap peak MB%n",
                TestDatabase.postgresRequested() ? "postgres" : "h2", rows, subtasks, loadAverage(),
                Runtime.getRuntime().maxMemory() >> 20));
        for (int run = 1; run <= repeats; run++) {
            long campaignId = campaigns.create(new CampaignCommand("导入基准" + run + c.tag(), 2026,
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), c.county().id(), null,
                    ReportingFrequency.MONTHLY, null, null, null, null, null), DataScope.everything()).id();
            byte[] xlsx = workbook(rows, subtasks, "r" + run, units);
            long tallyBefore = tallyRows();
            System.gc();
            HeapWatch watch = HeapWatch.start();
            long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long start = System.nanoTime();
            var counted = StatementCounter.count(() -> importer.importWorkbook(campaignId,
                    new ByteArrayInputStream(xlsx), "bench.xlsx", DataScope.everything()));
            double ms = (System.nanoTime() - start) / 1e6;
            double cpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e6;
            watch.stop();
            assertThat(counted.result().created()).isEqualTo(rows);
            report.append(String.format(Locale.ROOT, "%d | %.0f | %.0f | %d | %s | %d%n", run, ms, cpuMs, counted.count(),
                    TestDatabase.postgresRequested() ? String.valueOf(tallyRows() - tallyBefore) : "(H2: a view)",
                    watch.peakUsed() >> 20));
        }
        report.append("load after: ").append(loadAverage());
        System.out.println(report);
    }

    /** How fast the import refuses a file over the row limit, a zip bomb and noise (each must name its problem). */
    @Test
    void refusesHugeAndMalformedFilesQuickly() throws Exception {
        OrgFixtures.County c = fixtures.county();
        long campaignId = campaigns.create(new CampaignCommand("导入拒绝基准" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), DataScope.everything()).id();
        byte[] tooMany = workbook(TaskWorkbook.MAX_ROWS + 1, 0, "x", List.of(c.townshipA().code()));
        byte[] bomb = XlsxFiles.inflateSheetTo(new TaskWorkbookTests.Book()
                .task("一项任务", "民生改善", c.townshipA().name()).bytes(), 200L * 1024 * 1024);
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%n=== TaskImportBench refusals (load %s) ===%nfile | KB | ms | heap peak MB | message%n", loadAverage()));
        for (var file : List.of(Map.entry("20,001 rows", tooMany), Map.entry("200 MB zip bomb", bomb),
                Map.entry("4 KB noise", noise))) {
            System.gc();
            HeapWatch watch = HeapWatch.start();
            long start = System.nanoTime();
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> importer.importWorkbook(campaignId,
                    new ByteArrayInputStream(file.getValue()), "bad.xlsx", DataScope.everything()));
            double ms = (System.nanoTime() - start) / 1e6;
            watch.stop();
            assertThat(refused).isInstanceOf(InvalidInput.class);
            report.append(String.format(Locale.ROOT, "%s | %d | %.0f | %d | %s%n", file.getKey(),
                    file.getValue().length >> 10, ms, watch.peakUsed() >> 20, refused.getMessage()));
        }
        System.out.println(report);
    }

    private long tallyRows() {
        return TestDatabase.postgresRequested()
                ? jdbc.sql("SELECT COUNT(*) FROM task_tally").query(Long.class).single() : 0;
    }

    /** As bench/load's Workbooks.tasks writes it, plus optional subtasks under every parent. */
    static byte[] workbook(int rows, int subtasks, String run, List<String> unitCodes) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(TaskWorkbook.SHEET);
            Row head = sheet.createRow(0);
            for (int col = 0; col < TaskWorkbook.COLUMNS.size(); col++) {
                head.createCell(col).setCellValue(TaskWorkbook.COLUMNS.get(col));
            }
            int parent = 0;
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                boolean top = (i - 1) % (subtasks + 1) == 0;
                row.createCell(TaskWorkbook.KEY).setCellValue(String.valueOf(i));
                if (top) {
                    parent = i;
                    row.createCell(TaskWorkbook.CATEGORY).setCellValue(
                            CampaignCommand.DEFAULT_CATEGORIES.get(i % CampaignCommand.DEFAULT_CATEGORIES.size()));
                } else {
                    row.createCell(TaskWorkbook.PARENT_KEY).setCellValue(String.valueOf(parent));
                }
                row.createCell(TaskWorkbook.TITLE).setCellValue("导入任务" + run + "-" + i);
                row.createCell(TaskWorkbook.LEAD_UNIT).setCellValue(unitCodes.get(i % unitCodes.size()));
                row.createCell(TaskWorkbook.WEIGHT).setCellValue("1");
                row.createCell(TaskWorkbook.START_DATE).setCellValue("2026-01-01");
                row.createCell(TaskWorkbook.DUE_DATE).setCellValue("2026-12-31");
                row.createCell(TaskWorkbook.INDICATOR).setCellValue("完成量");
                row.createCell(TaskWorkbook.INDICATOR_UNIT).setCellValue("个");
                row.createCell(TaskWorkbook.BASELINE).setCellValue("0");
                row.createCell(TaskWorkbook.TARGET).setCellValue("100");
                row.createCell(TaskWorkbook.DIRECTION).setCellValue("越大越好");
                row.createCell(TaskWorkbook.MILESTONES).setCellValue("2026-06-30 完成方案；2026-12-15 完成验收");
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
