package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongjian.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;

/**
 * Screenshots of the 实绩档案 pages against a running demo (not a test of the build):
 * {@code ./mvnw spring-boot:run} on a port, then {@code ./mvnw test -Dtest=RecordDemoShots -DdemoPort=18761}.
 */
@EnabledIfSystemProperty(named = "demoPort", matches = "\\d+")
class RecordDemoShots {

    @Test
    void cadreListAndTheCountyHeadsRecord() throws Exception {
        try (Browser browser = Browser.start(Integer.parseInt(System.getProperty("demoPort")))) {
            browser.login("zuzhibu", "Gongjian@2026");
            browser.open("/cadres?q=县长");
            browser.find("cadres-table");
            browser.screenshot("demo-cadres");
            browser.driver().findElement(By.cssSelector("[data-test='cadre-record']")).click();
            browser.find("record-timeline");
            assertThat(browser.bodyText()).contains("吃劲岗位", "急难险重");
            top(browser);
            browser.screenshot("demo-record");
            browser.open(browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "") + "?year=2026");
            browser.find("record-timeline");
            top(browser);
            browser.screenshot("demo-record-2026");
            browser.logout();
            browser.login("lingdao", "Gongjian@2026");
            browser.open("/cadres");
            browser.driver().findElements(By.cssSelector("[data-test='cadre-record']")).get(0).click();
            browser.find("record-name");
            top(browser);
            browser.screenshot("demo-record-leader");
        }
    }

    static void top(Browser browser) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
    }
}
