package org.gongjian.campaign.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskFilter;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonCommand;
import org.gongjian.org.PersonView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statement budget of the xlsx export (issue #18: 115,001 tasks took 44 s, four or more statements per task for
 * its cooperating units, indicators, each indicator's trajectory and milestones): the tasks stream from one query and
 * their details are read a slice of tasks at a time, so ten times the tasks adds a few statements, not one per task.
 */
class TaskExportStatementsTests extends IntegrationTest {

    @Autowired OrgFixtures fixtures;
    @Autowired OrgService org;
    @Autowired CampaignService campaigns;
    @Autowired TaskImporter importer;
    @Autowired TaskExporter exporter;

    @Test
    void theExportsStatementsDoNotGrowWithTheTasks() throws Exception {
        OrgFixtures.County c = fixtures.county();
        PersonView deputy = org.createPerson(new PersonCommand("钱" + c.tag(), "男", c.county().id(), "副县长", true,
                LocalDate.of(2024, 1, 1)), DataScope.everything());
        long small = campaign(c, "小");
        long large = campaign(c, "大");
        importer.importWorkbook(small, new ByteArrayInputStream(TaskImportStatementsTests.workbook(c, deputy, 20)),
                "100.xlsx", DataScope.everything());
        importer.importWorkbook(large, new ByteArrayInputStream(TaskImportStatementsTests.workbook(c, deputy, 200)),
                "1000.xlsx", DataScope.everything());

        var first = StatementCounter.count(() -> export(small));
        var second = StatementCounter.count(() -> export(large));

        System.out.printf("export: 100 tasks %d statements, 1,000 tasks %d statements%n", first.count(), second.count());
        // 1,000 tasks are two slices of 500: three detail reads (cooperating units, indicators with their trajectory
        // points, milestones) more than 100 tasks' one slice.
        assertThat(second.count()).isLessThanOrEqualTo(first.count() + 4);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(second.result()))) {
            var sheet = book.getSheet(TaskWorkbook.SHEET);
            assertThat(sheet.getLastRowNum()).isEqualTo(1_000);
            assertThat(sheet.getRow(1).getCell(TaskWorkbook.TITLE).getStringCellValue()).isEqualTo("重点任务1");
            assertThat(sheet.getRow(2).getCell(TaskWorkbook.KEY).getStringCellValue()).isEqualTo("1.1");
            assertThat(sheet.getRow(2).getCell(TaskWorkbook.PARENT_KEY).getStringCellValue()).isEqualTo("1");
            assertThat(sheet.getRow(1_000).getCell(TaskWorkbook.KEY).getStringCellValue()).isEqualTo("200.4");
            assertThat(sheet.getRow(1).getCell(TaskWorkbook.MILESTONES).getStringCellValue())
                    .isEqualTo("2026-03-31 开工；2026-09-30 主体完工");
            assertThat(sheet.getRow(1).getCell(TaskWorkbook.COOPERATING_UNITS).getStringCellValue())
                    .isEqualTo(c.townshipA().name());
        }
    }

    private byte[] export(long campaignId) {
        try (TaskExporter.Export export = exporter.export(campaignId, new TaskFilter(null, null, null, null, false, false),
                DataScope.everything())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            export.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long campaign(OrgFixtures.County c, String name) {
        return campaigns.create(new CampaignCommand(name + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), DataScope.everything()).id();
    }
}
