package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #17 item 5 over real HTTP (Tomcat's error handling included, which MockMvc skips): every error under
 * /api is problem+json, the inputs that once gave a 5xx give a 4xx, and none of them changes anything.
 */
class ErrorProblemsTests extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;

    OrgFixtures.County c;
    String admin;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        admin = Logins.token(mvc, c.adminUser());
    }

    @Test
    void errorsTheFrameworkAndTomcatRaiseUnderApiAreProblems() throws IOException {
        problem(RawHttp.send(port, "DELETE", "/api/v1/campaigns", auth(), new byte[0]), 405);
        problem(RawHttp.get(port, "/api/v1/no-such-thing", auth()), 404);
        problem(RawHttp.get(port, "/api/v1/campaigns", Map.of("Authorization", admin, "Accept", "application/xml")), 406);
        problem(RawHttp.send(port, "POST", "/api/v1/campaigns", Map.of("Authorization", admin, "Content-Type", "text/plain"),
                "x".getBytes(StandardCharsets.UTF_8)), 415);
        problem(RawHttp.get(port, "/api/v1/campaigns/1%00", auth()), 400);
        problem(RawHttp.get(port, "/api/v1/campaigns/1%2F2", auth()), 400);
        problem(RawHttp.get(port, "/api/v1/campaigns", Map.of("Authorization", admin, "X-Padding", "a".repeat(9 * 1024))), 400);
        problem(RawHttp.get(port, "/api/v1/campaigns", Map.of()), 401);
    }

    @Test
    void outsideTheApiErrorsAreTheChineseErrorPage() throws IOException {
        RawHttp.Answer unknown = RawHttp.get(port, "/no-such-page%00", Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).startsWith("text/html");
        assertThat(unknown.body()).contains("返回首页").doesNotContain("Apache Tomcat", "Exception");
    }

    @Test
    void inputsThatGaveA5xxNowGiveA4xxAndChangeNothing() throws IOException {
        long campaigns = count("campaign");
        long evidence = count("evidence");
        problem(json("POST", "/api/v1/tasks/999999/subtasks", "null"), 400);
        problem(json("POST", "/api/v1/tasks/999999/subtasks", "[null]"), 400);
        problem(json("POST", "/api/v1/tasks/999999/subtasks", "42"), 400);
        problem(RawHttp.send(port, "POST", "/api/v1/campaigns", Map.of("Authorization", admin,
                "Content-Type", "multipart/form-data"), "--x\r\n\r\n".getBytes(StandardCharsets.UTF_8)), 400);
        RawHttp.Answer ui = RawHttp.send(port, "POST", "/campaigns", Map.of("Content-Type", "multipart/form-data"),
                "--x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ui.status()).isEqualTo(400);
        assertThat(ui.body()).contains("无法解析");
        problem(upload("a\0.html"), 400);
        RawHttp.Answer longName = upload("长".repeat(300) + ".jpg");
        problem(longName, 422);
        assertThat(longName.body()).contains("文件名过长", "255");
        assertThat(count("campaign")).isEqualTo(campaigns);
        assertThat(count("evidence")).isEqualTo(evidence);
    }

    @Test
    void numbersAreNotQuietlyRoundedOrTurnedIntoText() throws IOException {
        long campaigns = count("campaign");
        String base = "{\"name\":\"攻坚%s\",\"startDate\":\"2026-01-01\",\"endDate\":\"2026-12-31\",\"ownerUnitId\":%d,"
                + "\"reportingFrequency\":\"MONTHLY\",%s}";
        problem(json("POST", "/api/v1/campaigns", base.formatted(c.tag(), c.county().id(), "\"year\":2026.5")), 400);
        problem(json("POST", "/api/v1/campaigns", base.formatted(c.tag(), c.county().id(),
                "\"year\":2026,\"categories\":[1]")), 400);
        problem(json("POST", "/api/v1/campaigns", base.formatted(c.tag(), c.county().id(),
                "\"year\":2026,\"categories\":[true]")), 400);
        assertThat(count("campaign")).isEqualTo(campaigns);
        assertThat(json("POST", "/api/v1/campaigns", base.formatted(c.tag(), c.county().id(), "\"year\":2026")).status())
                .as("the same body with a whole year is accepted").isEqualTo(201);
    }

    @Test
    void aNulCharacterIsRefusedTheSameWayEverywhere() throws IOException {
        long campaigns = count("campaign");
        String body = "{\"name\":\"攻坚\\u0000年\",\"year\":2026,\"startDate\":\"2026-01-01\",\"endDate\":\"2026-12-31\","
                + "\"ownerUnitId\":" + c.county().id() + ",\"reportingFrequency\":\"MONTHLY\"}";
        RawHttp.Answer escaped = json("POST", "/api/v1/campaigns", body);
        problem(escaped, 400);
        assertThat(escaped.body()).contains("NUL");
        problem(json("POST", "/api/v1/campaigns", body.replace("\\u0000", "\0")), 400);
        problem(RawHttp.get(port, "/api/v1/campaigns?q=a%00b", auth()), 400);
        RawHttp.Answer form = RawHttp.send(port, "POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "username=a%00b&password=x".getBytes(StandardCharsets.UTF_8));
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.body()).contains("NUL");
        assertThat(count("campaign")).isEqualTo(campaigns);
        // An escaped backslash followed by the text u0000 is no NUL.
        assertThat(InputHygieneFilter.hasNul("{\"a\":\"\\\\u0000\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void anUnexpectedFailureIsA500ThatNamesNothingInside() throws Exception {
        ProblemDetail p = new ApiExceptionHandler().unexpected(new IllegalStateException("jdbc:postgresql://secret-host"));
        assertThat(p.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.value());
        assertThat(p.getDetail()).doesNotContain("secret", "IllegalState");
    }

    private RawHttp.Answer upload(String fileName) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--BOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").getBytes(StandardCharsets.UTF_8));
        body.write(fileName.getBytes(StandardCharsets.UTF_8));
        body.write("\"\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n--BOUNDARY--\r\n".getBytes(StandardCharsets.UTF_8));
        return RawHttp.send(port, "POST", "/api/v1/units/" + c.townshipA().id() + "/evidence", Map.of("Authorization", admin,
                "Content-Type", "multipart/form-data; boundary=BOUNDARY"), body.toByteArray());
    }

    private RawHttp.Answer json(String method, String path, String body) throws IOException {
        return RawHttp.send(port, method, path, Map.of("Authorization", admin, "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", admin);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static void problem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + status).doesNotContain("Exception", "at org.", "Tomcat");
    }
}
