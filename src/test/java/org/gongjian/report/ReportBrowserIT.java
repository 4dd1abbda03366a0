package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskService;
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
 * On a 375 px phone: the liaison fills this month's report with a photo from the "camera" (a file input), submits;
 * the township head and then the office approve; the task's figure moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired ReportFixtures fixtures;
    @Autowired TaskService tasks;

    Browser browser;
    ReportFixtures.Setup s;

    @BeforeAll
    void setUp() throws Exception {
        browser = Browser.start(port);
        s = fixtures.county(ReportingFrequency.MONTHLY, true);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aLiaisonReportsFromAPhoneWithAPhotoAndTwoReviewersApprove() throws Exception {
        browser.driver().manage().window().setSize(new Dimension(375, 812));
        browser.login(s.liaison(), OrgFixtures.PASSWORD);
        browser.open("/tasks/" + s.task().id() + "/reports/new?period=2026-06");
        browser.find("report-value").sendKeys("520");
        browser.driver().findElement(By.id("progressText")).sendKeys("举办专场招聘会2场，新增就业520人");
        browser.driver().findElements(By.cssSelector("[data-test=report-milestone]")).get(0).click();
        Path photo = Files.createTempFile("现场", ".jpg");
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(180, 40, 40));
        g.fillRect(100, 100, 300, 200);
        g.dispose();
        ImageIO.write(image, "jpg", photo.toFile());
        // The picker sits invisible inside the "+" tile; WebDriver types a path into a file input without a tap.
        browser.driver().findElement(By.cssSelector("[data-test=report-files]")).sendKeys(photo.toAbsolutePath().toString());
        browser.screenshot("report-form-phone");
        browser.click("report-submit");
        browser.waitForText("报告已提交");
        assertThat(browser.find("report-stage").getText()).isEqualTo("待单位负责人审核");
        assertThat(browser.driver().findElements(By.cssSelector("[data-test=report-evidence]"))).hasSize(1);
        String reportUrl = browser.driver().getCurrentUrl();
        browser.screenshot("report-submitted-phone");
        browser.logout();

        browser.login(s.head(), OrgFixtures.PASSWORD);
        browser.open("/reports");
        browser.click("awaiting-item");
        browser.click("report-approve");
        browser.waitForText("审核通过");
        assertThat(browser.find("report-stage").getText()).isEqualTo("待督查室审核");
        browser.logout();

        browser.login(s.office(), OrgFixtures.PASSWORD);
        browser.driver().get(reportUrl);
        browser.click("report-approve");
        browser.waitForText("审核通过");
        assertThat(browser.find("report-status").getText()).isEqualTo("已通过");
        browser.screenshot("report-approved-phone");
        assertThat(tasks.task(s.task().id(), DataScope.everything()).indicators().get(0).actual())
                .isEqualByComparingTo("520");
        assertThat(tasks.task(s.task().id(), DataScope.everything()).milestones().get(0).doneDate()).isNotNull();
    }
}
