package org.gongjian.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The office generates a pledge, the township head signs it in the dialog, the county leader countersigns. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PledgeBrowserIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired OrgFixtures fixtures;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;

    Browser browser;
    County c;
    CampaignView campaign;
    TaskView task;
    String supervisor;
    String head;

    @BeforeAll
    void setUp() throws Exception {
        browser = Browser.start(port);
        c = fixtures.county();
        supervisor = fixtures.user("sup" + c.tag(), c.county(), Role.SUPERVISOR);
        head = fixtures.user("head" + c.tag(), c.townshipA(), Role.UNIT_HEAD);
        campaign = campaigns.create(new CampaignCommand("攻坚" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), DataScope.everything());
        task = tasks.create(campaign.id(), new TaskCommand("农村生活污水治理" + c.tag(), null, "生态环保",
                c.townshipA().id(), null, null, BigDecimal.ONE, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30),
                List.of(new TaskCommand.IndicatorInput(null, "治理村庄数", "个", BigDecimal.ZERO, new BigDecimal("12"),
                        Direction.HIGHER_IS_BETTER)), List.of()), DataScope.everything());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void unitHeadAndIssuerSignAndThePledgeIsFrozen() throws Exception {
        browser.login(supervisor, OrgFixtures.PASSWORD);
        browser.open("/campaigns/" + campaign.id() + "/pledges");
        browser.click("generate-" + c.townshipA().id());
        browser.waitForText("已生成军令状");
        String pledgeUrl = browser.driver().getCurrentUrl();
        assertThat(browser.find("pledged-tasks").getText()).contains("农村生活污水治理" + c.tag(), "12个");
        browser.screenshot("pledge-draft");
        browser.logout();

        browser.login(head, OrgFixtures.PASSWORD);
        browser.driver().get(pledgeUrl);
        browser.click("open-sign");
        browser.find("sign-password").sendKeys("not-my-password");
        browser.screenshot("pledge-sign-dialog");
        browser.click("sign-submit");
        assertThat(browser.find("pledge-error").getText()).contains("密码不正确");
        browser.click("open-sign");
        browser.find("sign-password").sendKeys(OrgFixtures.PASSWORD);
        browser.click("sign-submit");
        browser.waitForText("等待发令方会签");
        browser.logout();

        browser.login(c.leaderUser(), OrgFixtures.PASSWORD);
        browser.driver().get(pledgeUrl);
        browser.click("open-sign");
        browser.find("sign-password").sendKeys(OrgFixtures.PASSWORD);
        browser.click("sign-submit");
        browser.waitForText("军令状已生效并冻结");
        assertThat(browser.find("pledge-status").getText()).contains("已签署生效");
        assertThat(browser.find("signatures").getText()).contains("立状人", "发令方");
        browser.click("pledge-verify");
        assertThat(browser.find("verification").getText()).contains("校验通过");
        browser.screenshot("pledge-signed");
        browser.open("/tasks/" + task.id());
        assertThat(browser.find("task-panel").getText()).contains("受第1版军令状约束");
        browser.logout();
    }
}
