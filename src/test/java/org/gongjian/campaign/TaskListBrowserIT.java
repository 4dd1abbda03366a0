package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
