package org.gongjian.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Journeys through the organisation pages in real headless Chromium, one browser for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitTreeBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    OrgFixtures fixtures;

    Browser browser;
    County c;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = Browser.start(port);
        c = fixtures.county();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void liaisonBrowsesOwnTownshipTreeAndIsKeptOutOfTheOther() throws Exception {
        browser.open("/login");
        browser.screenshot("login");
        browser.login(c.liaisonAUser(), OrgFixtures.PASSWORD);
        assertThat(browser.find("welcome").getText()).contains(c.liaisonAUser());
        browser.screenshot("home");

        browser.find("nav-units").click();
        browser.find("node-" + c.townshipA().code());
        assertThat(browser.bodyText()).contains(c.townshipA().name()).doesNotContain(c.townshipB().name());
        // The top of the user's tree opens by itself and loads its first level.
        browser.waitForText(c.villageA().name());
        browser.screenshot("unit-tree");

        browser.driver().findElement(By.linkText(c.villageA().name())).click();
        assertThat(browser.find("unit-name").getText()).isEqualTo(c.villageA().name());
        browser.open("/units/" + c.townshipA().id());
        browser.waitForText(c.cadreA().name());
        browser.screenshot("unit-detail");

        browser.open("/units/" + c.townshipB().id());
        assertThat(browser.find("error-page").getText()).contains("不在您的数据范围内");
        browser.screenshot("error-404");
        browser.logout();
    }

    @Test
    void orgDepartmentAddsAUnitAfterFixingAValidationError() throws Exception {
        browser.login(c.orgDeptUser(), OrgFixtures.PASSWORD);
        browser.open("/units/" + c.townshipB().id());
        browser.find("new-child").click();
        browser.find("unit-kind-input").sendKeys("村");
        browser.find("unit-code-input").sendKeys("NEW" + c.tag());
        browser.find("unit-save").click();
        browser.waitForText("请填写单位名称");
        browser.screenshot("unit-form-error");
        browser.find("unit-name-input").sendKeys("新建村" + c.tag());
        browser.find("unit-save").click();
        assertThat(browser.find("unit-name").getText()).isEqualTo("新建村" + c.tag());
        assertThat(browser.bodyText()).contains("已新增单位");

        browser.open("/people?q=" + c.tag());
        browser.waitForText(c.cadreB().name());
        browser.screenshot("people");
        browser.open("/org/import");
        browser.find("import-form");
        browser.screenshot("import");
        browser.logout();
    }

    @Test
    void auditAdministratorReadsTheAuditTrailOfTheseChanges() throws Exception {
        browser.login(fixtures.user("aud" + c.tag(), c.county(), org.gongjian.identity.Role.AUDIT_ADMIN), OrgFixtures.PASSWORD);
        browser.open("/audit?action=unit.create");
        browser.waitForText(c.townshipA().code());
        browser.screenshot("audit");
        browser.open("/?lang=en");
        browser.waitForText("Welcome");
        browser.screenshot("home-en");
        browser.open("/?lang=zh_CN");
        browser.waitForText("欢迎");
        browser.logout();
    }

    @Test
    void adminOpensAnAccountForACadreWhoThenSignsIn() throws Exception {
        browser.login(c.adminUser(), OrgFixtures.PASSWORD);
        browser.open("/units/" + c.townshipA().id());
        browser.find("open-account-" + c.cadreA().id()).click();
        browser.find("user-username").sendKeys("acct" + c.tag());
        browser.find("user-password").sendKeys("short");
        browser.find("role-LIAISON").click();
        browser.find("user-save").click();
        browser.waitForText("密码至少");
        browser.screenshot("user-form-error");
        browser.find("user-password").sendKeys("Hx7-Lantern-Q2026");
        browser.find("user-save").click();
        browser.waitForText("已为" + c.cadreA().name() + "开通账号");
        browser.screenshot("users");
        browser.logout();
        browser.login("acct" + c.tag(), "Hx7-Lantern-Q2026");
        // The initial password was the administrator's: it must be replaced before anything else.
        browser.find("password-due");
        browser.find("old-password").sendKeys("Hx7-Lantern-Q2026");
        browser.find("new-password").sendKeys("Tide&Rock-39x");
        browser.find("confirm-password").sendKeys("Tide&Rock-39x");
        browser.click("password-save");
        browser.waitForText("密码已修改");
        browser.open("/");
        assertThat(browser.find("welcome").getText()).as("greeted by name, not login").contains(c.cadreA().name());
        assertThat(browser.bodyText()).contains(c.townshipA().name());
        browser.logout();
    }

    private void expand(String code) {
        browser.find("node-" + code).findElement(By.cssSelector("summary")).click();
    }
}
