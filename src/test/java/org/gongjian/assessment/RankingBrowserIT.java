package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.gongjian.assessment.AssessmentFixtures.Setup;
import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office computes and publishes October's township ranking; township B's head opens its own row, sees why it
 * lost points and appeals the missing report; the office upholds it and the ranking shows the corrected version.
 */
class RankingBrowserIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired AssessmentFixtures fixtures;

    @Test
    void publishAppealAndUphold() throws Exception {
        clock.set(Instant.parse("2026-11-10T02:00:00Z"));
        Setup s = fixtures.october();
        String rankings = "/campaigns/" + s.campaign().id() + "/rankings?period=2026-10&group=TOWNSHIP";
        try (Browser browser = Browser.start(port)) {
            browser.login(s.office(), OrgFixtures.PASSWORD);
            browser.open(rankings);
            browser.click("compute");
            browser.waitForText("已计算");
            browser.click("publish");
            browser.waitForText("排名已发布");
            assertThat(browser.find("ranking-status").getText()).isEqualTo("已发布");
            assertThat(browser.bodyText()).contains("红榜");
            browser.screenshot("assessment-ranking-office");

            browser.logout();
            browser.login(s.headB(), OrgFixtures.PASSWORD);
            browser.open(rankings);
            WebElement own = row(browser, s.c().townshipB().id());
            own.findElement(By.tagName("summary")).click();
            assertThat(own.getText()).contains("未报送", "59.00");
            // the other township's row has no breakdown for B's head
            assertThat(row(browser, s.c().townshipA().id()).findElements(By.cssSelector("[data-test='breakdown']"))).isEmpty();
            WebElement form = own.findElement(By.cssSelector("[data-test='appeal-form']"));
            form.findElement(By.name("reason")).sendKeys("系统故障未能报送，已电话报告");
            browser.screenshot("assessment-appeal-form");
            form.findElement(By.cssSelector("[data-test='appeal-submit']")).click();
            browser.waitForText("申诉已提交");

            browser.logout();
            browser.login(s.office(), OrgFixtures.PASSWORD);
            browser.open("/campaigns/" + s.campaign().id() + "/appeals");
            browser.find("decision-form").findElement(By.name("reason")).sendKeys("核实系统当日故障，撤销扣分");
            browser.screenshot("assessment-appeal-queue");
            browser.click("uphold");
            browser.waitForText("申诉成立，已发布更正后的排名");
            browser.open(rankings);
            browser.waitForText("第2版");
            assertThat(row(browser, s.c().townshipB().id()).getText()).contains("60.00");
            browser.screenshot("assessment-ranking-corrected");
        }
    }

    private static WebElement row(Browser browser, long unitId) {
        return browser.waitFor(By.cssSelector("[data-test='ranking-row'][data-unit='" + unitId + "']"));
    }
}
