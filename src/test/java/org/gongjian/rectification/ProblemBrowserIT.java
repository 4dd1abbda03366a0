package org.gongjian.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.gongjian.rectification.RectificationFixtures.Setup;
import org.gongjian.report.EvidenceFiles;
import org.gongjian.shared.DataScope;
import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a 375 px phone the liaison reports a measure's progress with a photo from the "camera" (a file input); the office
 * accepts it and signs the problem off on the same page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemBrowserIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired RectificationFixtures fixtures;
    @Autowired ProblemService problems;

    Browser browser;
    Setup s;

    @BeforeAll
    void setUp() throws Exception {
        browser = Browser.start(port);
        s = fixtures.setup();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aLiaisonReportsWithAPhotoOnAPhoneAndTheOfficeSignsOff() throws Exception {
        ProblemView p = problems.create(RectificationFixtures.selfInspection(s, Severity.SERIOUS, LocalDate.of(2026, 7, 31)),
                s.liaisonA(), s.scopeA());
        browser.driver().manage().window().setSize(new Dimension(375, 812));
        browser.login(s.c().liaisonAUser(), OrgFixtures.PASSWORD);
        browser.open("/problems?campaignId=" + s.campaign().id());
        browser.click("ledger-entry");
        browser.find("progress-text").sendKeys("6月12日召开首次社区大党委联席会议，驻区单位8家参加");
        Path photo = Files.createTempFile("联席会议", ".jpg");
        Files.write(photo, EvidenceFiles.jpeg(640, 480, 7));
        browser.find("progress-file").sendKeys(photo.toAbsolutePath().toString());
        browser.screenshot("problem-progress-phone");
        browser.click("progress-submit");
        browser.waitForText("整改进展已报送");
        assertThat(browser.find("measure-status").getText()).isEqualTo("待验收");
        assertThat(browser.driver().findElements(By.cssSelector("[data-test=measure-progress] img"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("[data-test=signoff-form]"))).isEmpty();
        long width = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth;");
        assertThat(width).isLessThanOrEqualTo(375);
        browser.logout();

        browser.login(s.office().getUsername(), OrgFixtures.PASSWORD);
        browser.open("/problems/" + p.id());
        browser.click("measure-accept");
        browser.waitForText("已验收");
        browser.find("signoff-reason").sendKeys("联席会议制度已建立并运行");
        browser.click("signoff");
        browser.waitForText("问题已销号");
        assertThat(browser.find("problem-status").getText()).startsWith("已销号");
        browser.screenshot("problem-signed-off-phone");
        ProblemView after = problems.problem(p.id(), DataScope.everything());
        assertThat(after.status()).isEqualTo(ProblemStatus.SIGNED_OFF);
        assertThat(after.signoffReason()).isEqualTo("联席会议制度已建立并运行");
        assertThat(problems.verify(s.campaign().id(), DataScope.everything()).intact()).isTrue();
    }
}
