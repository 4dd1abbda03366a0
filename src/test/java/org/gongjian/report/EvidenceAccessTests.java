package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.gongjian.org.OrgService;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Who sees which evidence, how it is sent, how it joins reports, and what an over-limit request gets. */
class EvidenceAccessTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired EvidenceService evidence;
    @Autowired OrgService org;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    County c;
    DataScope scopeA;
    DataScope scopeB;

    @BeforeEach
    void county() {
        c = fixtures.county();
        scopeA = org.scopeOf(c.townshipA().id()).orElseThrow();
        scopeB = org.scopeOf(c.townshipB().id()).orElseThrow();
    }

    @Test
    void anotherTownshipsEvidenceIsNotFoundEverywhere() throws Exception {
        EvidenceView a = evidence.upload(c.townshipA().id(), "甲镇.pdf", new ByteArrayInputStream(EvidenceFiles.pdf("甲")), scopeA);
        String tokenB = Logins.token(mvc, c.liaisonBUser());
        mvc.perform(get("/api/v1/evidence/" + a.id()).header("Authorization", tokenB)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evidence/" + a.id() + "/file").header("Authorization", tokenB)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/units/" + c.townshipA().id() + "/evidence").header("Authorization", tokenB))
                .andExpect(status().isNotFound());
        MockHttpSession sessionB = Logins.session(mvc, c.liaisonBUser());
        mvc.perform(get("/evidence/" + a.id() + "/file").session(sessionB)).andExpect(status().isNotFound());
        mvc.perform(get("/evidence").param("unitId", String.valueOf(c.townshipA().id())).session(sessionB))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> evidence.evidence(a.id(), scopeB)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> evidence.open(a.id(), scopeB)).isInstanceOf(NotFound.class);

        // The county sees its townships' evidence.
        String leader = Logins.token(mvc, c.leaderUser());
        mvc.perform(get("/api/v1/evidence/" + a.id()).header("Authorization", leader)).andExpect(status().isOk())
                .andExpect(jsonPath("$.fileName").value("甲镇.pdf"));
        mvc.perform(get("/api/v1/units/" + c.townshipA().id() + "/evidence").header("Authorization", leader))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(a.id()));
    }

    @Test
    void downloadsCarryTheDetectedTypeAnEncodedNameAndNosniff() throws Exception {
        byte[] png = EvidenceFiles.png(30, 20, 42);
        String token = Logins.token(mvc, c.liaisonAUser());
        String body = mvc.perform(multipart("/api/v1/units/" + c.townshipA().id() + "/evidence")
                        .file(new MockMultipartFile("file", "整改前 \"现场\".jpg", "image/jpeg", png)).header("Authorization", token))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
        mvc.perform(get("/api/v1/evidence/" + id + "/file").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"")))
                .andExpect(header().string("Content-Disposition", containsString(
                        "filename*=UTF-8''%E6%95%B4%E6%94%B9%E5%89%8D%20_%E7%8E%B0%E5%9C%BA_.png")))
                .andExpect(content().bytes(png));
        MockHttpSession session = Logins.session(mvc, c.liaisonAUser());
        mvc.perform(get("/evidence/" + id + "/file").session(session)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment;")))
                .andExpect(content().bytes(png));
        mvc.perform(get("/evidence/" + id + "/thumbnail").session(session)).andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"));
        EvidenceView pdf = evidence.upload(c.townshipA().id(), "a.pdf", new ByteArrayInputStream(EvidenceFiles.pdf("无缩略图")), scopeA);
        mvc.perform(get("/evidence/" + pdf.id() + "/thumbnail").session(session)).andExpect(status().isNotFound());
    }

    @Test
    void evidenceIsAttachedToReportsOnceAndDetached() {
        long report = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        EvidenceView photo = evidence.upload(c.townshipA().id(), "p.png", new ByteArrayInputStream(pngBytes(1)), scopeA);
        EvidenceView doc = evidence.upload(c.townshipA().id(), "d.pdf", new ByteArrayInputStream(EvidenceFiles.pdf("d")), scopeA);
        EvidenceView other = evidence.upload(c.townshipB().id(), "b.pdf", new ByteArrayInputStream(EvidenceFiles.pdf("b")), scopeB);

        evidence.attach(report, photo.id(), scopeA);
        evidence.attach(report, photo.id(), scopeA); // no-op
        evidence.attach(report, doc.id(), scopeA);
        assertThatThrownBy(() -> evidence.attach(report, other.id(), scopeA)).isInstanceOf(NotFound.class);
        assertThat(evidence.ofReport(report)).extracting(EvidenceView::id).containsExactly(photo.id(), doc.id());
        assertThat(audits("evidence.attach", photo.id())).isEqualTo(1);

        evidence.detach(report, photo.id());
        evidence.detach(report, photo.id()); // nothing left to detach
        assertThat(evidence.ofReport(report)).extracting(EvidenceView::id).containsExactly(doc.id());
        assertThat(audits("evidence.detach", photo.id())).isEqualTo(1);
        // The evidence stays in the library for the next report.
        assertThat(evidence.library(c.townshipA().id(), scopeA, new PageQuery(0, 10)).items())
                .extracting(EvidenceView::id).contains(photo.id(), doc.id());
    }

    @Test
    void theLibraryIsNewestFirst() {
        EvidenceView first = evidence.upload(c.townshipA().id(), "1.png", new ByteArrayInputStream(pngBytes(2)), scopeA);
        clock.advance(java.time.Duration.ofMinutes(5));
        EvidenceView second = evidence.upload(c.townshipA().id(), "2.png", new ByteArrayInputStream(pngBytes(3)), scopeA);
        var page = evidence.library(c.townshipA().id(), scopeA, new PageQuery(0, 1));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(EvidenceView::id).containsExactly(second.id());
        assertThat(evidence.library(c.townshipA().id(), scopeA, new PageQuery(1, 1)).items())
                .extracting(EvidenceView::id).containsExactly(first.id());
    }

    /** Over Spring's multipart limit (2 MB in tests) the request fails before any controller: still problem+json 413. */
    @Test
    void anUploadOverTheMultipartLimitGetsA413Problem() throws Exception {
        String token = Logins.token(mvc, c.liaisonAUser());
        String boundary = "----gongjian" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2_500_000 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/units/" + c.townshipA().id() + "/evidence"))
                .header("Authorization", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("上传的文件超过了允许的大小");
    }

    /** The same in the browser: the form posts with its hidden CSRF field; the answer is the Chinese error page. */
    @Test
    void anOversizedFormUploadGetsTheChineseErrorPage() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + c.liaisonAUser() + "&password=" + OrgFixtures.PASSWORD + "&_csrf=" + csrf(login);
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/evidence?unitId=" + c.townshipA().id())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("evidence-upload-form");

        String boundary = "----gongjian" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(page) + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2_500_000 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/evidence?unitId=" + c.townshipA().id()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("上传的文件太大");
    }

    private static String csrf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        return m.group(1);
    }

    private long audits(String action, long evidenceId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND entity_id = :id")
                .param("a", action).param("id", String.valueOf(evidenceId)).query(Long.class).single();
    }

    private static byte[] pngBytes(int seed) {
        try {
            return EvidenceFiles.png(20 + seed, 20, seed);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
