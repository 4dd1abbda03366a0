package org.gongjian.campaign;

import java.time.LocalDate;

import org.gongjian.campaign.workbook.TaskWorkbook;
import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures.County;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervision office builds a task list in the browser; a leader instructs; the township answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskListBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    CampaignService campaigns;

    Browser browser;
    County c;
    CampaignView campaign;
    String supervisor;

    @BeforeAll
    void setUp() throws Exception {
        browser = Browser.start(port);
        c = fixtures.county();
        supervisor = fixtures.user("sup" + c.tag(), c.county(), Role.SUPERVISOR);
        campaign = campaigns.create(new CampaignCommand("测试攻坚年" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), DataScope.everything());
    }

    @Test
    void officeImportsAListFixesABadRowAndSeesItInTheList() throws Exception {
        browser.login(supervisor, OrgFixtures.PASSWORD);
        browser.open("/campaigns/" + campaign.id() + "/tasks/import");
        browser.find("task-import-file").sendKeys(workbook(false).toString());
        browser.click("task-import-submit");
        assertThat(browser.find("task-import-failed").getText()).contains("牵头单位", "不存在");
        browser.screenshot("task-import-errors");
        browser.find("task-import-file").sendKeys(workbook(true).toString());
        browser.click("task-import-submit");
        assertThat(browser.find("task-import-done").getText()).contains("3");
        browser.open("/campaigns/" + campaign.id() + "/tasks?q=" + "导入" + c.tag());
        browser.waitForText("共 3 项");
        browser.screenshot("task-list");
        browser.logout();
    }

    /** A three-row list in the template's columns; the bad version names a unit that does not exist. */
    private java.nio.file.Path workbook(boolean good) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("清单", ".xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = java.nio.file.Files.newOutputStream(file)) {
            var sheet = wb.createSheet(TaskWorkbook.SHEET);
            var header = sheet.createRow(0);
            for (int i = 0; i < TaskWorkbook.COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(TaskWorkbook.COLUMNS.get(i));
            }
            String[][] rows = {
                    {"1", "", "导入" + c.tag() + "：农村公路提质改造", "民生改善", c.county().name(), "", "", "1", "2026-01-01",
                            "2026-12-31", "完成农村公路提质改造", "公里", "0", "120", "越大越好", "2026-09-30 主体完工", ""},
                    {"2", "1", "导入" + c.tag() + "：甲镇农村公路", "民生改善", good ? c.townshipA().name() : "不存在的镇", "", "",
                            "1", "2026-01-01", "2026-12-31", "完成农村公路提质改造", "公里", "0", "60", "越大越好", "", ""},
                    {"3", "1", "导入" + c.tag() + "：乙镇农村公路", "民生改善", c.townshipB().name(), "", "", "1", "2026-01-01",
                            "2026-12-31", "完成农村公路提质改造", "公里", "0", "60", "越大越好", "", ""}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            wb.write(out);
        }
        return file;
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void officeCreatesATaskSplitsItAndTheTownshipAnswersTheLeader() throws Exception {
        browser.login(supervisor, OrgFixtures.PASSWORD);
        browser.open("/campaigns/" + campaign.id());
        browser.click("new-task");
        new Select(browser.find("task-lead-unit")).selectByVisibleText(c.county().name());
        browser.find("indicator-name-0").sendKeys("新增城镇就业人数");
        browser.find("indicator-unit-0").sendKeys("人");
        browser.find("indicator-baseline-0").sendKeys("0");
        browser.find("indicator-target-0").sendKeys("1000");
        browser.click("task-save");
        browser.waitForText("请填写任务名称");
        browser.screenshot("task-form-error");
        browser.find("task-title-input").sendKeys("稳就业攻坚" + c.tag());
        browser.find("milestone-title-0").sendKeys("完成春风行动");
        browser.find("milestone-due-0").sendKeys("03312026");
        browser.click("task-save");
        assertThat(browser.find("task-title").getText()).isEqualTo("稳就业攻坚" + c.tag());
        assertThat(browser.find("indicators").getText()).contains("新增城镇就业人数", "1,000.00");

        browser.click("decompose");
        browser.find("share-0").sendKeys("400");
        browser.find("share-1").sendKeys("500");
        browser.screenshot("decompose");
        browser.click("decompose-submit");
        browser.waitForText("已分解为 2 项子任务");
        assertThat(browser.bodyText()).contains("低于总目标");
        assertThat(browser.find("subtasks").getText()).contains(c.townshipA().name(), c.townshipB().name());
        browser.screenshot("task-detail");
        browser.logout();

        browser.login(c.leaderUser(), OrgFixtures.PASSWORD);
        browser.open("/campaigns/" + campaign.id() + "/tasks?q=" + c.tag());
        browser.waitForText(c.townshipA().name() + "：稳就业攻坚");
        browser.driver().get(browser.driver().findElement(
                org.openqa.selenium.By.linkText(c.townshipA().name() + "：稳就业攻坚" + c.tag())).getAttribute("href"));
        browser.find("instruction-text").sendKeys("请城关镇加大招聘对接力度，月底前报进展。");
        browser.click("instruct");
        browser.waitForText("批示已发送");
        browser.logout();

        browser.login(c.liaisonAUser(), OrgFixtures.PASSWORD);
        browser.open("/my/tasks");
        assertThat(browser.find("open-instructions").getText()).contains("加大招聘对接力度");
        assertThat(browser.bodyText()).doesNotContain(c.townshipB().name() + "：稳就业攻坚");
        browser.screenshot("my-tasks");
        browser.driver().findElement(org.openqa.selenium.By.partialLinkText("稳就业攻坚")).click();
        browser.find("answer-text").sendKeys("已组织两场专场招聘，新增就业120人。");
        browser.click("answer");
        browser.waitForText("已答复批示");
        assertThat(browser.find("instructions").getText()).contains("已答复", "新增就业120人");
        browser.logout();
    }
}
