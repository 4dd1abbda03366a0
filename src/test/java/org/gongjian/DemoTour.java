package org.gongjian;

import org.gongjian.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Not a test but a tool: walks the demo county's pages and saves screenshots (1280 and 375 px) to
 * target/screenshots for a human to look at. {@code ./mvnw test -Dtest=DemoTour -Ddemo.tour=true}
 */
@EnabledIfSystemProperty(named = "demo.tour", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:gongjian-smoke;MODE=PostgreSQL;DB_CLOSE_DELAY=-1"})
class DemoTour {

    @LocalServerPort
    int port;

    @Test
    void tour() throws Exception {
        try (Browser browser = Browser.start(port)) {
            browser.login("duchashi", "Gongjian@2026");
            browser.open("/campaigns");
            browser.screenshot("tour-campaigns");
            browser.driver().findElement(By.cssSelector("[data-test='campaign-list'] a")).click();
            browser.find("category-summary");
            browser.screenshot("tour-campaign");
            browser.find("open-task-list").click();
            browser.find("task-table");
            browser.screenshot("tour-tasks");
            browser.driver().get(browser.driver().findElement(By.partialLinkText("新增城镇就业")).getAttribute("href"));
            browser.find("task-title");
            browser.screenshot("tour-task");
            browser.driver().get(browser.find("edit-task").getAttribute("href"));
            browser.find("task-form");
            browser.screenshot("tour-task-form");
            browser.driver().navigate().back();
            browser.driver().get(browser.find("decompose").getAttribute("href"));
            browser.find("decompose-form");
            browser.screenshot("tour-decompose");
            browser.logout();
            browser.login("lianluo", "Gongjian@2026");
            browser.open("/my/tasks");
            browser.screenshot("tour-my-tasks");
        }
    }
}
