package org.gongjian;

import org.gongjian.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test but a tool: screenshots pages of an already running Gongjian (1280 and 375 px) as a given user, to look
 * at what was built. {@code ./mvnw test -Dtest=PagePeek -Dpeek.port=8080 -Dpeek.user=lianluo -Dpeek.paths=/reports,/units}
 * → target/screenshots/peek-*.png
 */
@EnabledIfSystemProperty(named = "peek.port", matches = "\\d+")
class PagePeek {

    @Test
    void screenshots() throws Exception {
        try (Browser browser = Browser.start(Integer.parseInt(System.getProperty("peek.port")))) {
            browser.login(System.getProperty("peek.user", "admin"), System.getProperty("peek.password", "Gongjian@2026"));
            int n = 0;
            for (String path : System.getProperty("peek.paths", "/").split(",")) {
                browser.open(path.trim());
                browser.screenshot("peek-" + (++n));
            }
        }
    }
}
