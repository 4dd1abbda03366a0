package org.gongjian;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.gongjian.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Not a test but a tool: refreshes the README screenshot from the demo county.
 * {@code ./mvnw test -Dtest=DocsScreenshots -Ddocs.screenshots=true}
 */
@EnabledIfSystemProperty(named = "docs.screenshots", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:gongjian-smoke;MODE=PostgreSQL;DB_CLOSE_DELAY=-1"})
class DocsScreenshots {

    @LocalServerPort
    int port;

    @Test
    void unitTree() throws Exception {
        try (Browser browser = Browser.start(port)) {
            browser.login("duchashi", "Gongjian@2026");
            browser.open("/units");
            browser.waitForText("城关镇");
            browser.driver().findElements(By.cssSelector("summary")).stream()
                    .filter(s -> s.getText().contains("城关镇")).findFirst().orElseThrow().click();
            browser.waitForText("东片管区");
            browser.screenshot("docs-units");
            Files.copy(Path.of("target/screenshots/docs-units-1280.png"), Path.of("docs/screenshot-units.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
