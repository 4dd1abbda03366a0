package org.gongjian.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A county leader opens the cockpit at 1280 and 375 px: the charts draw (a canvas each, no script error or CSP
 * violation), the phone view has no horizontal scroll, and two taps lead from the county to a red task's reasons.
 * The wall-screen mode draws without the navigation bar. Screenshots in target/screenshots/cockpit-*.png.
 */
class CockpitBrowserIT extends IntegrationTest {

    /** Collects script errors, console errors and CSP violations from the first byte of every page. */
    static final String WATCH = """
            window.__problems = [];
            window.addEventListener('error', function (e) { window.__problems.push('error: ' + e.message); });
            document.addEventListener('securitypolicyviolation', function (e) {
                window.__problems.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI); });
            (function () { var original = console.error; console.error = function () {
                window.__problems.push('console: ' + Array.prototype.join.call(arguments, ' '));
                return original.apply(console, arguments); }; }());
            """;

    @LocalServerPort int port;
    @Autowired CockpitFixtures fixtures;

    @Test
    void aLeaderDrillsFromTheCountyToARedTaskInTwoTaps() throws Exception {
        CockpitFixtures.Scene s = fixtures.scene(clock);
        try (Browser browser = Browser.start(port)) {
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
            browser.login(s.c().leaderUser(), OrgFixtures.PASSWORD);
            String cockpit = "/campaigns/" + s.campaign().id() + "/cockpit";

            browser.open(cockpit);
            chartsDrawn(browser);
            shot(browser, "cockpit-county-1280");

            phone(chrome, true);
            browser.open(cockpit);
            chartsDrawn(browser);
            assertThat((Boolean) js(browser, "return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("no horizontal scroll at 375 px").isTrue();
            shot(browser, "cockpit-county-375");

            // tap 1: the township's row; tap 2: its longest-red task; its reasons are on the task page
            browser.click("cockpit-unit-" + s.c().townshipA().id());
            browser.waitForText("· " + s.c().townshipA().name());
            assertThat(browser.driver().getCurrentUrl()).contains("unitId=" + s.c().townshipA().id());
            chartsDrawn(browser);
            shot(browser, "cockpit-township-375");
            browser.click("cockpit-red-" + s.a1().id());
            browser.waitForText("节点“完成主体工程”已逾期36天");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/tasks/" + s.a1().id());
            phone(chrome, false);

            browser.open(cockpit + "?screen=1");
            chartsDrawn(browser);
            assertThat(browser.driver().findElements(By.cssSelector("[data-test='navbar']"))).isEmpty();
            shot(browser, "cockpit-screen-1280");
        }
    }

    private static void chartsDrawn(Browser browser) {
        browser.find("cockpit-board");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d ->
                ((Number) ((JavascriptExecutor) d).executeScript(
                        "return document.querySelectorAll('[data-chart] canvas').length;")).intValue() >= 5);
        @SuppressWarnings("unchecked")
        List<Object> problems = (List<Object>) js(browser, "return window.__problems || [];");
        assertThat(problems).as("script errors, console errors, CSP violations").isEmpty();
    }

    private static Object js(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private static void phone(ChromeDriver chrome, boolean on) {
        if (on) {
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        } else {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** A full-page screenshot (CDP), so the whole cockpit can be looked at. */
    private static void shot(Browser browser, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                        "width", Math.max(((Number) size.get("width")).doubleValue(),
                                ((Number) js(browser, "return window.innerWidth;")).doubleValue()),
                        "height", Math.min(((Number) size.get("height")).doubleValue(), 6000), "scale", 1)));
        Files.write(dir.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }
}
