package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongjian.GongjianApplication;
import org.gongjian.support.MutableClock;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.gongjian.support.TestClockConfig;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two running nodes on one database, with the shipped database-backed UI sessions (the test profile otherwise keeps
 * them in the container): a login made on node A goes on on node B, second-factor step, CSRF token and logout
 * included; the per-user limit counts the sessions of both nodes; an idle session ends everywhere with a notice.
 * On PostgreSQL when {@code GONGJIAN_TEST_DB=postgres} (CI), otherwise on one in-memory H2 both nodes share.
 */
class SessionsAcrossNodesTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static String schema;
    static County county;

    @BeforeAll
    static void startTwoNodes() {
        List<String> database = new ArrayList<>();
        if (TestDatabase.postgresRequested()) {
            schema = TestDatabase.createSchema();
            database.addAll(List.of("--spring.datasource.url=" + TestDatabase.PG_URL + "?currentSchema=" + schema,
                    "--spring.datasource.username=" + TestDatabase.PG_USER,
                    "--spring.datasource.password=" + TestDatabase.PG_PASSWORD,
                    "--spring.flyway.default-schema=" + schema, "--spring.flyway.schemas=" + schema));
        } else {
            database.add("--spring.datasource.url=jdbc:h2:mem:sessions-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        }
        // Command-line arguments: defaults set on the builder would lose to application-test.properties. An empty
        // exclusion list brings the JDBC sessions back.
        List<String> common = new ArrayList<>(List.of("--server.port=0", "--management.server.port=",
                "--spring.autoconfigure.exclude=", "--gongjian.scheduling.enabled=false"));
        common.addAll(database);
        nodeA = start(common);
        List<String> shortIdle = new ArrayList<>(common);
        shortIdle.add("--server.servlet.session.timeout=4s");
        nodeB = start(shortIdle);
        county = nodeA.getBean(OrgFixtures.class).county();
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(GongjianApplication.class, TestClockConfig.class).profiles("test")
                .run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (schema != null) {
            TestDatabase.dropSchema(schema);
        }
    }

    @Test
    void anAdministratorsLoginOnNodeAGoesOnOnNodeBUntilLogout() throws Exception {
        Browser browser = new Browser();
        // Password and second factor on A: the half-finished login is a database session too.
        browser.login(nodeA, county.adminUser(), nodeA.getBean(MutableClock.class));
        assertThat(browser.get(nodeB, "/").statusCode()).isEqualTo(200);
        assertThat(browser.get(nodeB, "/units").statusCode()).isEqualTo(200);
        // A form rendered by A, posted to B: the CSRF token lives in the shared session.
        String token = browser.csrf(browser.get(nodeA, "/inbox").body());
        HttpResponse<String> posted = browser.post(nodeB, "/inbox/read-all", Map.of("_csrf", token));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/inbox");

        Map<String, Object> row = jdbc().sql("SELECT max_inactive_interval AS idle, COUNT(*) OVER () AS n FROM spring_session"
                + " WHERE principal_name = :u").param("u", county.adminUser()).query().singleRow();
        assertThat(((Number) row.get("n")).intValue()).isEqualTo(1);
        assertThat(((Number) row.get("idle")).intValue()).as("the shipped idle timeout, 30 minutes").isEqualTo(1800);

        assertThat(browser.post(nodeB, "/logout", Map.of("_csrf", browser.csrf(browser.get(nodeB, "/").body())))
                .headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        HttpResponse<String> after = browser.get(nodeA, "/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    /**
     * A visitor who is not logged in is stored nowhere: the login page (its CSRF token in a cookie), a page asked for
     * while logged out (remembered in a cookie for after the login), the login page's notices and a refused login
     * write no session row. The login itself begins the one session, and lands on the page first asked for — on the other node.
     */
    @Test
    void nothingIsStoredForAVisitorUntilTheLogin() throws Exception {
        long before = sessions();
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get(nodeA, "/login");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=")
                .contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        for (String path : List.of("/login?expired", "/login?logout")) {
            assertThat(browser.get(nodeA, path).statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> asked = browser.get(nodeA, "/units");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(asked.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
        HttpResponse<String> wrong = browser.post(nodeA, "/login", Map.of("username", county.liaisonAUser(),
                "password", "Wrong-Pass-2026", "_csrf", browser.csrf(browser.get(nodeA, "/login").body())));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get(nodeA, "/login?error").body()).contains("用户名或密码错误");
        assertThat(sessions()).as("session rows after anonymous requests and a refused login").isEqualTo(before);

        String token = browser.csrf(browser.get(nodeB, "/login").body());
        HttpResponse<String> done = browser.post(nodeB, "/login",
                Map.of("username", county.liaisonAUser(), "password", OrgFixtures.PASSWORD, "_csrf", token));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/units");
        assertThat(sessions()).isEqualTo(before + 1);
    }

    private static long sessions() {
        return jdbc().sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
    }

    /** A flash attribute that is a list of records (a batch approval's refusals) is stored on A, shown by B. */
    @Test
    void aFlashAttributeSetOnNodeAIsShownByNodeB() throws Exception {
        Browser browser = new Browser();
        MutableClock clockA = nodeA.getBean(MutableClock.class);
        clockA.advance(Duration.ofSeconds(31)); // a code of its own: a second-factor code is accepted once
        browser.login(nodeA, county.adminUser(), clockA);
        HttpResponse<String> posted = browser.post(nodeA, "/reports/approvals",
                Map.of("reportIds", "-7", "_csrf", browser.csrf(browser.get(nodeA, "/reports").body())));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/reports");
        assertThat(browser.get(nodeB, "/reports").body()).contains("#-7：报告不存在或不在您的数据范围内");
    }

    @Test
    void theLimitCountsTheSessionsOfBothNodes() throws Exception {
        String user = county.liaisonAUser();
        Browser first = new Browser();
        Browser second = new Browser();
        Browser third = new Browser();
        Browser fourth = new Browser();
        first.login(nodeA, user, null);
        second.login(nodeB, user, null);
        third.login(nodeA, user, null);
        Thread.sleep(5); // last-access times are in milliseconds
        assertThat(first.get(nodeB, "/").statusCode()).isEqualTo(200); // now the second is least recently used
        fourth.login(nodeB, user, null);

        HttpResponse<String> evicted = second.get(nodeA, "/");
        assertThat(evicted.statusCode()).isEqualTo(302);
        assertThat(evicted.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        assertThat(second.get(nodeA, "/login?expired").body()).contains("您的账号已在别处登录");
        for (Browser alive : List.of(first, third, fourth)) {
            assertThat(alive.get(nodeA, "/").statusCode()).isEqualTo(200);
            assertThat(alive.get(nodeB, "/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anIdleSessionEndsOnEveryNodeWithANotice() throws Exception {
        Browser browser = new Browser();
        browser.login(nodeB, county.liaisonBUser(), null); // node B: idle timeout 4 s
        assertThat(browser.get(nodeA, "/").statusCode()).isEqualTo(200);
        Thread.sleep(5_000);
        for (var node : List.of(nodeA, nodeB)) {
            HttpResponse<String> timedOut = browser.get(node, "/reports");
            assertThat(timedOut.statusCode()).isEqualTo(302);
            assertThat(timedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?timeout");
        }
        assertThat(browser.get(nodeA, "/login?timeout").body()).contains("长时间未操作，已自动退出");
        // Logging in again works at once.
        browser.login(nodeA, county.liaisonBUser(), null);
        assertThat(browser.get(nodeB, "/").statusCode()).isEqualTo(200);
    }

    private static JdbcClient jdbc() {
        return nodeA.getBean(JdbcClient.class);
    }

    /** One browser: its own cookies (kept per host, so the same session cookie goes to either node). */
    static final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        void login(ConfigurableApplicationContext node, String username, MutableClock clock) throws Exception {
            String token = csrf(get(node, "/login").body());
            HttpResponse<String> done = post(node, "/login",
                    Map.of("username", username, "password", OrgFixtures.PASSWORD, "_csrf", token));
            String location = done.headers().firstValue("Location").orElse("");
            assertThat(done.statusCode()).as("login of " + username).isEqualTo(302);
            assertThat(location).doesNotContain("error");
            if (location.endsWith("/login/code")) {
                HttpResponse<String> code = post(node, "/login/code", Map.of("code", OrgFixtures.totpCode(clock),
                        "_csrf", csrf(get(node, "/login/code").body())));
                assertThat(code.statusCode()).isEqualTo(302);
                assertThat(code.headers().firstValue("Location").orElse("")).doesNotContain("login");
            }
        }

        HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(node, path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(ConfigurableApplicationContext node, String path, Map<String, String> form)
                throws Exception {
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(uri(node, path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String html) {
            Matcher m = CSRF.matcher(html);
            assertThat(m.find()).as("a CSRF token on the page").isTrue();
            return m.group(1) != null ? m.group(1) : m.group(2);
        }

        private static URI uri(ConfigurableApplicationContext node, String path) {
            return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
        }
    }
}
