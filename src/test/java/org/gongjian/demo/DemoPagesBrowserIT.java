package org.gongjian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gongjian.identity.UserService;
import org.gongjian.support.Browser;
import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo county through a browser. Every demo role follows every same-origin link of the navigation and the home
 * page, and the links on those pages (depth 2, one page per path shape, capped): no CSP violation, no console error
 * or failed load, no 5xx. The links are read from the pages, so pages other modules add are walked without a change
 * here. And the office's red list at 1280 px: grouped by lead unit, longest red first.
 */
class DemoPagesBrowserIT extends IntegrationTest {

    static final List<String> ROLES = List.of("admin", "duchashi", "zuzhibu", "lingdao", "zhenzhang", "lianluo", "ganbu",
            "xitong", "anquan", "shenji");
    static final int PAGES_PER_ROLE = 16;
    private static final Pattern NUMBER = Pattern.compile("/\\d+(?=/|$)");
    private static final Pattern HELD = Pattern.compile("已持续(\\d+)天");
    /** Links that end the session, switch language, or are not pages. */
    private static final Pattern SKIP = Pattern.compile("^/(logout|login|api/|actuator)|[?&]lang=");

    @LocalServerPort int port;
    @Autowired DemoLoader loader;
    @Autowired UserService users;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void demo() {
        if (!users.exists("duchashi")) {
            loader.load();
        }
        // Outside demo mode an administrator must have a second factor: enrol the demo's administrators with the
        // fixtures' authenticator secret, as if they had scanned the QR code (Browser.login then gives the code).
        jdbc.sql("""
                INSERT INTO user_totp (user_id, secret, enrolled_at)
                SELECT u.id, :secret, CURRENT_TIMESTAMP FROM app_user u
                WHERE u.username IN ('admin', 'xitong', 'anquan', 'shenji')
                  AND NOT EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id)""")
                .param("secret", org.gongjian.support.OrgFixtures.TOTP_SECRET).update();
        // The test clock stands still and a code is good once per user: let each test's logins start afresh.
        jdbc.sql("""
                UPDATE user_totp SET last_step = NULL
                WHERE user_id IN (SELECT id FROM app_user WHERE username IN ('admin', 'xitong', 'anquan', 'shenji'))""")
                .update();
    }

    @Test
    void everyRoleWalksItsPagesWithoutCspViolationsConsoleErrorsOrServerErrors() throws Exception {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Map<String, Integer> walked = new LinkedHashMap<>();
        try (Browser browser = Browser.start(port)) {
            WebDriver driver = browser.driver();
            // the watch can fail: a style element the CSP forbids is reported
            browser.login("duchashi", DemoLoader.DEMO_PASSWORD);
            console(driver);
            ((JavascriptExecutor) driver).executeScript(
                    "var s = document.createElement('style'); s.textContent = 'body{}'; document.head.appendChild(s);");
            assertThat(console(driver)).as("an injected inline style shows as a CSP violation")
                    .anyMatch(line -> line.contains("Content Security Policy"));
            for (String role : ROLES) {
                browser.logout();
                browser.login(role, DemoLoader.DEMO_PASSWORD);
                List<String> found = new ArrayList<>();
                walked.put(role, walk(browser, found));
                if (!found.isEmpty()) {
                    problems.put(role, found);
                }
            }
        }
        System.out.println("Pages walked per role: " + walked);
        assertThat(walked.values()).allMatch(n -> n >= 5);
        assertThat(problems).as("CSP violations, console errors, failed loads and 5xx per role").isEmpty();
    }

    /** Home and navigation (depth 1), then their links (depth 2); one page per path shape; returns pages opened. */
    private int walk(Browser browser, List<String> problems) throws Exception {
        WebDriver driver = browser.driver();
        String cookie = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Deque<Map.Entry<String, Integer>> queue = new ArrayDeque<>();
        Set<String> shapes = new HashSet<>();
        queue.add(Map.entry("/", 0));
        shapes.add(shape("/"));
        int opened = 0;
        while (!queue.isEmpty() && opened < PAGES_PER_ROLE) {
            var next = queue.poll();
            String path = next.getKey();
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (head.statusCode() >= 500) {
                problems.add(head.statusCode() + " " + path);
                continue;
            }
            boolean html = head.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
            if (head.statusCode() != 200 || !html) {
                continue;
            }
            browser.open(path);
            opened++;
            settle(driver);
            console(driver).forEach(line -> problems.add(path + " → " + line));
            if (next.getValue() < 2) {
                for (String link : links(driver)) {
                    if (shapes.add(shape(link))) {
                        queue.add(Map.entry(link, next.getValue() + 1));
                    }
                }
            }
        }
        return opened;
    }

    /** Same-origin GET links of the page (anchors only: forms are writes), as paths with their query. */
    @SuppressWarnings("unchecked")
    private List<String> links(WebDriver driver) {
        List<String> hrefs = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('a[href]'))
                    .filter(a => a.origin === location.origin && !a.hasAttribute('download'))
                    .map(a => a.pathname + a.search);""");
        return hrefs.stream().filter(h -> !SKIP.matcher(h).find()).distinct().toList();
    }

    /** A path's shape: numbers as {n}, query by parameter names, so 125 task pages count as one. */
    static String shape(String link) {
        int q = link.indexOf('?');
        String path = NUMBER.matcher(q < 0 ? link : link.substring(0, q)).replaceAll("/{n}");
        Set<String> names = new TreeSet<>();
        if (q >= 0) {
            for (String pair : link.substring(q + 1).split("&")) {
                names.add(pair.split("=", 2)[0]);
            }
        }
        return path + names;
    }

    /** Waits for the page and its htmx requests to finish. */
    private static void settle(WebDriver driver) throws InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        for (int i = 0; i < 40; i++) {
            Object done = js.executeScript("return document.readyState === 'complete'"
                    + " && document.querySelectorAll('.htmx-request').length === 0");
            if (Boolean.TRUE.equals(done)) {
                break;
            }
            Thread.sleep(50);
        }
        Thread.sleep(100);
    }

    /** What the browser logged as an error since the last read: script errors, CSP violations, failed loads. */
    private static List<String> console(WebDriver driver) {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() || entry.getMessage().contains("Content Security Policy")) {
                lines.add(entry.getMessage());
            }
        }
        return lines;
    }

    @Test
    void theOfficeSeesRedTasksGroupedByUnitLongestFirst() throws Exception {
        try (Browser browser = Browser.start(port)) {
            browser.login("duchashi", DemoLoader.DEMO_PASSWORD);
            browser.open("/supervision/lights");
            new Select(browser.find("lights-group")).selectByValue("UNIT");
            new Select(browser.find("lights-sort")).selectByValue("DAYS");
            browser.click("lights-show");
            browser.find("lights-totals");
            WebDriver driver = browser.driver();
            List<WebElement> groups = driver.findElements(By.cssSelector("[data-test='lights-group-block']"));
            assertThat(groups).hasSizeGreaterThan(1);
            // the first group is open, the others folded: a list of units, not a wall of cards
            assertThat(groups.get(0).getAttribute("open")).isNotNull();
            assertThat(groups.get(1).getAttribute("open")).isNull();
            List<Long> held = groups.get(0).findElements(By.cssSelector("[data-test='lights-held']")).stream()
                    .map(e -> {
                        Matcher m = HELD.matcher(e.getText());
                        assertThat(m.find()).as(e.getText()).isTrue();
                        return Long.parseLong(m.group(1));
                    }).toList();
            assertThat(held).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(held.get(0)).as("backfilled history: red for weeks, not since today").isGreaterThan(7);
            long red = Long.parseLong(browser.find("lights-total-red").getText());
            long listed = driver.findElements(By.cssSelector("[data-test='lights-entry']")).size();
            assertThat(listed).isEqualTo(red);
            assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollHeight")).intValue()).as("folded groups keep the page short")
                    .isLessThan(4000);
            browser.screenshot("lights-by-unit");
        }
    }

}
