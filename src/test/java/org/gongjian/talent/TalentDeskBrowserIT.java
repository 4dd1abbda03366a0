package org.gongjian.talent;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The journey: the office opens a returned PhD's housing-subsidy request, the housing bureau completes it, the
 * rating closes it and the dashboard counts it; her phone number stays masked on the way (screenshots 1280/375 px).
 */
class TalentDeskBrowserIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired TalentFixtures fixtures;

    @Test
    void aReturnedPhdsHousingSubsidyIsRoutedCompletedRatedAndCounted() throws Exception {
        TalentFixtures.Desk d = fixtures.desk();
        try (Browser browser = Browser.start(port)) {
            officeOpensTheRequest(browser, d);
            theHousingBureauCompletesIt(browser, d);
            theRatingClosesIt(browser, d);
            theDashboardCountsIt(browser);
        }
    }

    private void officeOpensTheRequest(Browser browser, TalentFixtures.Desk d) throws Exception {
        browser.login(d.office(), OrgFixtures.PASSWORD);
        browser.open("/talent/" + d.phd().id());
        assertThat(browser.find("talent-phone").getText()).isEqualTo("138****5678");
        new Select(browser.find("request-policy")).selectByValue(String.valueOf(d.housing().id()));
        browser.click("request-open-submit");
        browser.find("request-status");
        browser.waitForText("受理");
        assertThat(browser.find("request-unit").getText()).isEqualTo(d.c().department().name());
        browser.screenshot("talent-request-opened");
        browser.logout();
    }

    private void theHousingBureauCompletesIt(Browser browser, TalentFixtures.Desk d) throws Exception {
        browser.login(d.deptHead(), OrgFixtures.PASSWORD);
        browser.open("/talent/requests");
        browser.click("request-entry");
        browser.click("request-action-START");
        browser.waitForText("开始办理");
        browser.click("request-action-COMPLETE");
        browser.waitForText("已办结");
        assertThat(browser.bodyText()).doesNotContain(TalentFixtures.PHONE);
        browser.logout();
    }

    private void theRatingClosesIt(Browser browser, TalentFixtures.Desk d) throws Exception {
        browser.login(d.office(), OrgFixtures.PASSWORD);
        browser.open("/talent/requests");
        browser.click("request-entry");
        browser.click("rating-SATISFIED");
        browser.click("request-rate-submit");
        browser.waitForText("评价已登记");
        assertThat(browser.find("request-rating").getText()).isEqualTo("满意");
        browser.screenshot("talent-request-rated");
    }

    private void theDashboardCountsIt(Browser browser) throws Exception {
        browser.open("/talent/dashboard");
        assertThat(browser.find("kpi-finished").getText()).isEqualTo("已办结 1 件");
        assertThat(browser.find("kpi-on-time").getText()).isEqualTo("100.0%");
        assertThat(browser.find("kpi-satisfaction").getText()).isEqualTo("100.0%");
        browser.screenshot("talent-dashboard");
    }
}
