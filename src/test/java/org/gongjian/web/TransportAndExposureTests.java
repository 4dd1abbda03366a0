package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.Map;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #17 item 6 over real HTTP, behind a proxy that says the client used TLS ({@code X-Forwarded-Proto},
 * trusted with {@code server.forward-headers-strategy=native} from a local address): the session cookie is
 * {@code Secure} and HSTS is sent; over plain HTTP neither. Outside the demo the API docs need a login.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class TransportAndExposureTests extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;

    @Test
    void overTlsTheCookieIsSecureAndHstsIsSent() throws IOException {
        RawHttp.Answer tls = RawHttp.get(port, "/login", Map.of("X-Forwarded-Proto", "https"));
        assertThat(tls.status()).isEqualTo(200);
        assertThat(tls.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(tls.header("Set-Cookie")).contains("Secure").contains("HttpOnly");

        RawHttp.Answer plain = RawHttp.get(port, "/login", Map.of());
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.headers()).doesNotContainKey("strict-transport-security");
        assertThat(plain.header("Set-Cookie")).isNotEmpty().doesNotContain("Secure");
    }

    @Test
    void theApiAnswersOverTlsWithHstsToo() throws IOException {
        RawHttp.Answer tls = RawHttp.get(port, "/api/v1/me", Map.of("X-Forwarded-Proto", "https"));
        assertThat(tls.status()).isEqualTo(401);
        assertThat(tls.header("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void outsideTheDemoTheApiDocsNeedALogin() throws Exception {
        for (String path : new String[] {"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"}) {
            RawHttp.Answer anonymous = RawHttp.get(port, path, Map.of());
            assertThat(anonymous.status()).as(path).isEqualTo(302);
            assertThat(anonymous.header("Location")).as(path).endsWith("/login");
        }
        OrgFixtures.County c = fixtures.county();
        mvc.perform(get("/v3/api-docs").session(Logins.session(mvc, c.liaisonAUser()))).andExpect(status().isOk());
    }
}
