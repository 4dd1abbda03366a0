package org.gongjian.briefing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.shared.DataScope;
import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The office opens the month's briefing from the campaign, edits the overview, publishes; the page shows it frozen. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefingBrowserIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired BriefingFixtures fixtures;
    @Autowired OrgService org;
    @Autowired BulkLitTasks bulk;

    Browser browser;
    BriefingFixtures.Setup s;

    @BeforeAll
    void setUp() throws Exception {
        browser = Browser.start(port);
        s = fixtures.county();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOfficeEditsAndPublishesTheMonthsBriefing() throws Exception {
        browser.login(s.supervisor(), OrgFixtures.PASSWORD);
        browser.open("/campaigns/" + s.campaign().id());
        browser.click("open-briefings");
        browser.waitForText("2026年6月");
        browser.driver().findElements(By.cssSelector("[data-test=briefing-month]")).get(0).click();
        browser.waitForText("关于2026年6月重点工作攻坚推进情况的通报");
        assertThat(browser.find("briefing-figures").getText()).contains("共有攻坚任务3项");
        assertThat(browser.find("briefing-red").getText()).contains(s.task(0).title());
        assertChartsDrawn();
        fullPage("briefing-draft", 1280);
        fullPage("briefing-draft", 375);

        browser.find("briefing-edit").findElement(By.id("overview")).clear();
        browser.find("briefing-edit").findElement(By.id("overview")).sendKeys("六月各项任务稳步推进。");
        browser.click("save-narrative");
        browser.waitForText("通报正文已保存");
        assertThat(browser.find("briefing-document").getText()).contains("六月各项任务稳步推进。");

        browser.click("publish");
        browser.waitForText("通报已印发");
        assertThat(browser.find("briefing-status").getText()).isEqualTo("已印发");
        assertThat(browser.find("briefing-hash").getText()).matches(".*[0-9a-f]{64}");
        assertThat(browser.driver().findElements(By.cssSelector("[data-test=briefing-edit]"))).isEmpty();
        fullPage("briefing-published", 1280);
    }

    @Test
    void twoVillagesOfTheSameNameAreEachNamedWithTheirTownship() throws Exception {
        var c = s.c();
        var all = DataScope.everything();
        String name = "新村" + c.tag();
        long inA = org.createUnit(new UnitCommand(name, UnitKind.VILLAGE,
                c.townshipA().id(), "KAN" + c.tag()), all).id();
        long inB = org.createUnit(new UnitCommand(name, UnitKind.VILLAGE,
                c.townshipB().id(), "KBN" + c.tag()), all).id();
        long campaign = bulk.campaign("同名" + c.tag(), c.county().id(), List.of(inA, inB, inB), 12);
        browser.login(s.supervisor(), OrgFixtures.PASSWORD);
        browser.open("/campaigns/" + campaign + "/briefings/2026-06");
        browser.waitForText("关于2026年6月重点工作攻坚推进情况的通报");

        assertThat(browser.find("briefing-document").getText()).contains(name + "（" + c.townshipA().name() + "）",
                name + "（" + c.townshipB().name() + "）");
        assertChartsDrawn();
        fullPage("briefing-same-names", 1280);
        fullPage("briefing-same-names", 375);
    }

    private void assertChartsDrawn() {
        Object broken = ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll('.gj-briefing-chart')).filter(i => !i.complete || i.naturalWidth === 0).length");
        assertThat(((Number) broken).intValue()).isZero();
    }

    /** The whole page at a width, for a human to look at (the helper's screenshots stop at the window's height). */
    private void fullPage(String name, int width) throws Exception {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 500));
        long height = ((Number) chrome.executeScript("return document.documentElement.scrollHeight")).longValue();
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 500));
        try {
            File file = ((TakesScreenshot) chrome).getScreenshotAs(OutputType.FILE);
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            Files.copy(file.toPath(), shots.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
