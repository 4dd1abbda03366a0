package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The journeys: at 375 px a liaison files a report with two photos, counting every tap in the app from the
 * reporting to-do list (what the home page links to) — the phone's own picker is not counted, the "+" that opens it
 * is — and the unit head approves it; at 1280 px the office approves that report and another in one batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportJourneysBrowserIT extends IntegrationTest {

    static final int TAP_BUDGET = 8;

    @LocalServerPort int port;
    @Autowired ReportFixtures fixtures;
    @Autowired ReportService reports;
    @Autowired MockMvc mvc;

    Browser browser;
    ReportFixtures.Setup s;
    int taps;

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
    @Order(1)
    void onAPhoneTheLiaisonFilesTwoPhotosWithinEightTapsAndTheUnitHeadApproves() throws Exception {
        browser.driver().manage().window().setSize(new Dimension(375, 812));
        browser.login(s.liaison(), OrgFixtures.PASSWORD);
        browser.open("/reports");
        tap(browser.find("todo-item")); // the most overdue report first (the fixture clock stands at 15 June)
        browser.find("report-task");
        assertThat(browser.driver().getCurrentUrl()).contains("/tasks/" + s.task().id() + "/reports/new?period=2026-");

        WebElement value = browser.find("report-value");
        tap(value);
        value.sendKeys("520");
        WebElement progress = browser.find("report-progress");
        tap(progress);
        progress.sendKeys("举办专场招聘会2场，新增就业520人");
        // The "+" tile opens the phone's picker, where two photos are chosen; WebDriver cannot drive a native
        // picker, so the tap is counted and the choice typed into the file input.
        browser.find("report-photo-add");
        taps++;
        Path first = Files.createTempFile("现场一", ".jpg");
        Path second = Files.createTempFile("现场二", ".jpg");
        Files.write(first, EvidenceFiles.photo(800, 600, "2026:06:12 10:00:00", 26.58, 106.71));
        Files.write(second, EvidenceFiles.jpeg(640, 480, 3));
        browser.driver().findElement(By.cssSelector("[data-test=report-files]"))
                .sendKeys(first.toAbsolutePath() + "\n" + second.toAbsolutePath());
        assertThat(browser.driver().findElements(By.cssSelector("[data-test=report-photo]"))).hasSize(2);
        browser.find("report-photo-add"); // scrolled to the middle: the grid with both previews and the "+" tile
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(((org.openqa.selenium.TakesScreenshot) browser.driver()).getScreenshotAs(org.openqa.selenium.OutputType.FILE)
                .toPath(), Path.of("target", "screenshots", "report-photo-grid-375.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        tap(browser.find("report-submit"));
        browser.waitForText("报告已提交");
        System.out.printf("FIELD SPEED two-photo report at 375 px: %d taps in the app from the reporting to-do list%n", taps);
        assertThat(taps).isLessThanOrEqualTo(TAP_BUDGET);
        assertThat(browser.driver().findElements(By.cssSelector("[data-test=report-evidence]"))).hasSize(2);
        assertThat(browser.find("report-stage").getText()).isEqualTo("待单位负责人审核");
        browser.logout();

        browser.login(s.head(), OrgFixtures.PASSWORD);
        browser.open("/reports");
        browser.click("awaiting-item");
        browser.find("report-value-shown");
        browser.click("report-approve");
        browser.waitForText("审核通过");
        assertThat(browser.find("report-stage").getText()).isEqualTo("待督查室审核");
        browser.logout();
    }

    @Test
    @Order(2)
    void onTheDesktopTheOfficeApprovesTwoReportsInOneBatch() throws Exception {
        TaskView other = fixtures.task(s.campaign(), s.county().townshipA(), "稳增长" + s.county().tag());
        long second = forwardedToOffice(other);
        long first = reports.ofTask(s.task().id(), DataScope.everything()).get(0).id();

        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.login(s.office(), OrgFixtures.PASSWORD);
        browser.open("/reports");
        List<WebElement> picks = browser.driver().findElements(By.cssSelector("[data-test=batch-pick]"));
        assertThat(picks).hasSizeGreaterThanOrEqualTo(2);
        for (WebElement pick : picks) {
            String id = pick.getDomAttribute("value");
            if (id.equals(String.valueOf(first)) || id.equals(String.valueOf(second))) {
                pick.click();
            }
        }
        browser.find("batch-note").sendKeys("同意，材料齐全");
        browser.screenshot("report-batch-approve");
        browser.click("batch-approve");
        browser.waitForText("批量审核：2份已通过");
        for (long id : List.of(first, second)) {
            ReportView approved = reports.report(id, DataScope.everything());
            assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
            assertThat(approved.reviews().get(approved.reviews().size() - 1).reason()).isEqualTo("同意，材料齐全");
        }
        browser.logout();
    }

    private void tap(WebElement element) {
        taps++;
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            // headless Chromium sometimes reports a scrolled element as covered by the sticky action bar
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", element);
        }
    }

    /** Another June report of 甲镇, submitted by the liaison and passed on by the unit head (over the API). */
    private long forwardedToOffice(TaskView task) throws Exception {
        String liaison = Logins.token(mvc, s.liaison());
        long id = ReportFixtures.body(mvc.perform(post("/api/v1/tasks/" + task.id() + "/reports")
                .header(HttpHeaders.AUTHORIZATION, liaison).contentType(MediaType.APPLICATION_JSON)
                .content(ReportFixtures.json(Map.of("period", "2026-06", "progressText", "新增就业300人")))))
                .get("id").asLong();
        mvc.perform(post("/api/v1/reports/" + id + "/submit").header(HttpHeaders.AUTHORIZATION, liaison));
        mvc.perform(post("/api/v1/reports/" + id + "/approve").header(HttpHeaders.AUTHORIZATION, Logins.token(mvc, s.head())));
        return id;
    }
}
