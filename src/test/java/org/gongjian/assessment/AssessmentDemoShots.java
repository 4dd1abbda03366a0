package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongjian.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Screenshots of the assessment pages against a running demo (not a test of the build):
 * {@code ./mvnw spring-boot:run} on a port, then {@code ./mvnw test -Dtest=AssessmentDemoShots -DdemoPort=18743}.
 */
@EnabledIfSystemProperty(named = "demoPort", matches = "\\d+")
class AssessmentDemoShots {

    @Test
    void rankingSchemeAndAppealPages() throws Exception {
        try (Browser browser = Browser.start(Integer.parseInt(System.getProperty("demoPort")))) {
            browser.login("duchashi", "Gongjian@2026");
            browser.open("/campaigns/1/rankings");
            browser.find("ranking-table");
            assertThat(browser.bodyText()).contains("红榜", "黑榜");
            browser.screenshot("demo-ranking");
            browser.driver().findElement(org.openqa.selenium.By.cssSelector("[data-test='ranking-row'] summary")).click();
            browser.screenshot("demo-ranking-open");
            browser.open("/campaigns/1/appeals");
            browser.screenshot("demo-appeals");
            browser.open("/campaigns/1/assessment/ratings?period=2026-10");
            browser.screenshot("demo-ratings");
            browser.open("/campaigns/1/assessment/scheme");
            browser.screenshot("demo-scheme");
            browser.open("/campaigns/1/rankings?period=2026-10&group=DEPARTMENT");
            browser.screenshot("demo-ranking-departments");
            browser.logout();
            browser.login("zhenzhang", "Gongjian@2026");
            browser.open("/campaigns/1/rankings");
            browser.find("ranking-table");
            for (var row : browser.driver().findElements(org.openqa.selenium.By.cssSelector("[data-test='ranking-row']"))) {
                if (!row.findElements(org.openqa.selenium.By.cssSelector("[data-test='breakdown']")).isEmpty()) {
                    row.findElement(org.openqa.selenium.By.tagName("summary")).click();
                    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();", row);
                }
            }
            browser.screenshot("demo-ranking-township");
        }
    }
}
