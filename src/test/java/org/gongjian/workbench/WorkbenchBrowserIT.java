package org.gongjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The shell in real Chromium: a unit head greeted by name finds the side menu on a desktop and the tab bar on a phone
 * (its 更多 opens the same menu as a drawer), and changes his password from the user menu.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchBrowserIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired OrgFixtures fixtures;
    @Autowired UserService users;
    @Autowired PasswordEncoder encoder;
    @Autowired org.gongjian.campaign.CampaignService campaigns;

    Browser browser;
    OrgFixtures.County c;
    String head;
    long campaignId;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start(port);
        c = fixtures.county();
        head = "wbb" + c.tag();
        users.createPrehashed(head, encoder.encode(OrgFixtures.PASSWORD), c.cadreA().id(), c.townshipA().id(),
                EnumSet.of(Role.UNIT_HEAD));
        campaignId = campaigns.create(new org.gongjian.campaign.CampaignCommand("攻坚年" + c.tag(), 2026,
                java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31), c.county().id(), null,
                org.gongjian.campaign.ReportingFrequency.MONTHLY, null, null, null, null, null),
                org.gongjian.shared.DataScope.everything()).id();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void desktopMenuPhoneTabsAndAPasswordChange() throws Exception {
        browser.login(head, OrgFixtures.PASSWORD);
        assertThat(browser.find("current-user").getText()).isEqualTo(c.cadreA().name());
        assertThat(browser.find("welcome").getText()).contains(c.cadreA().name());
        assertThat(browser.find("side-menu").isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.cssSelector("[data-test='tab-bar']")).isDisplayed()).isFalse();
        browser.screenshot("workbench-head");

        browser.click("nav-units");
        assertThat(browser.find("crumbs").getText()).contains("干部").contains("单位");

        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        try {
            browser.open("/");
            assertThat(browser.find("tab-bar").isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.cssSelector("[data-test='side-menu']")).isDisplayed())
                    .as("on a phone the menu is a drawer, closed").isFalse();
            browser.find("tab-more").click();
            browser.find("nav-pledges").click();
            // the register draws its own trail, with the campaign's name in it
            browser.waitFor(By.cssSelector("nav[aria-label='breadcrumb']"));
            assertThat(browser.driver().getCurrentUrl()).as("the menu lands on the current campaign's register")
                    .endsWith("/campaigns/" + campaignId + "/pledges");
            browser.find("tab-home").click();
            browser.find("welcome");
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }

        browser.open("/");
        browser.find("user-menu").click();
        browser.find("menu-password").click();
        browser.find("old-password").sendKeys(OrgFixtures.PASSWORD);
        browser.find("new-password").sendKeys("Xin-Mima-2026!");
        browser.find("confirm-password").sendKeys("Xin-Mima-2026!");
        browser.click("password-save");
        browser.waitForText("密码已修改");
        browser.screenshot("account-password-changed");
        browser.logout();
        browser.login(head, "Xin-Mima-2026!");
        assertThat(browser.find("welcome").getText()).contains(c.cadreA().name());
    }
}
