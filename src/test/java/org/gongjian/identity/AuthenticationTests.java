package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.support.OrgFixtures.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Logging in over the token endpoint and the login form: token lifetime, Chinese problem details, the throttle as a
 * client sees it (5 wrong passwords make the name wait from that address, 429 with Retry-After; a success resets the
 * count; no lock), expired and forged tokens, and the audit trail.
 */
class AuthenticationTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    County c;

    @BeforeEach
    void county() {
        c = fixtures.county();
    }

    @Test
    void issuesTokenThatExpiresEightHoursAfterTheClock() throws Exception {
        clock.set(Instant.parse("2026-07-01T01:30:00Z"));
        MvcResult result = tokenRequest(c.liaisonAUser(), PASSWORD).andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").isString()).andReturn();
        String body = result.getResponse().getContentAsString();

        assertThat(Instant.parse(JsonPath.<String>read(body, "$.expiresAt")))
                .isEqualTo(Instant.parse("2026-07-01T09:30:00Z"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + JsonPath.read(body, "$.token")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(c.liaisonAUser()));
    }

    @Test
    void wrongPasswordAnswers401ProblemJsonInChinese() throws Exception {
        tokenRequest(c.liaisonAUser(), "Wrong-Pass-2026").andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(containsString("用户名或密码错误")))
                .andExpect(jsonPath("$.token").doesNotExist());
    }

    @Test
    void unknownUserAnswers401() throws Exception {
        tokenRequest("nobody" + c.tag(), PASSWORD).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("用户名或密码错误")));
    }

    @Test
    void fiveWrongPasswordsMakeTheNameWaitFromThatAddressButNeverLockIt() throws Exception {
        String user = c.liaisonAUser();
        for (int i = 0; i < 5; i++) {
            tokenRequest(user, "Wrong-Pass-2026").andExpect(status().isUnauthorized());
        }
        tokenRequest(user, PASSWORD).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(endsWith("/login-throttled")))
                .andExpect(jsonPath("$.detail").value(containsString("30 秒")));
        String refused = formLogin(user, PASSWORD);
        assertThat(refused).isEqualTo("/login?error=throttled&wait=30");
        mvc.perform(get(refused)).andExpect(status().isOk())
                .andExpect(content().string(containsString("登录失败次数过多，请 30 秒后再试")));
        // The user from another address is not held back: nobody can keep an account out.
        tokenRequest(user, PASSWORD, "10.20.30.40").andExpect(status().isCreated());

        clock.advance(Duration.ofSeconds(29));
        tokenRequest(user, PASSWORD).andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofSeconds(2));
        tokenRequest(user, PASSWORD).andExpect(status().isCreated());
        Logins.session(mvc, user);
    }

    @Test
    void successResetsTheFailureCount() throws Exception {
        String user = c.liaisonBUser();
        for (int i = 0; i < 4; i++) {
            tokenRequest(user, "Wrong-Pass-2026").andExpect(status().isUnauthorized());
        }
        tokenRequest(user, PASSWORD).andExpect(status().isCreated());
        for (int i = 0; i < 4; i++) {
            tokenRequest(user, "Wrong-Pass-2026").andExpect(status().isUnauthorized());
        }
        tokenRequest(user, PASSWORD).andExpect(status().isCreated());
    }

    @Test
    void formLoginCountsEachWrongPasswordOnce() throws Exception {
        String user = c.leaderUser();
        for (int i = 0; i < 4; i++) {
            formLogin(user, "Wrong-Pass-2026");
        }
        assertThat(actions(user)).containsOnly("login.failure").hasSize(4);
        tokenRequest(user, PASSWORD).andExpect(status().isCreated());
    }

    @Test
    void garbageOrExpiredBearerTokenAnswers401() throws Exception {
        for (String header : new String[] {"Bearer not-a-token", "Bearer ", "Bearer " + "x".repeat(500)}) {
            mvc.perform(get("/api/v1/me").header("Authorization", header)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        String token = Logins.token(mvc, c.liaisonAUser());

        clock.advance(Duration.ofHours(8).minusSeconds(1));
        mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(2));
        mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.username").doesNotExist());
    }

    @Test
    void throttlingAndLoginsAreAudited() throws Exception {
        String user = c.orgDeptUser();
        for (int i = 0; i < 5; i++) {
            tokenRequest(user, "Wrong-Pass-2026");
        }
        tokenRequest(user, PASSWORD).andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofMinutes(1));
        tokenRequest(user, PASSWORD).andExpect(status().isCreated());
        tokenRequest("ghost" + c.tag(), PASSWORD).andExpect(status().isUnauthorized());

        assertThat(actions(user)).containsExactly("login.failure", "login.failure", "login.failure", "login.failure",
                "login.failure", "login.throttled", "login.success");
        assertThat(actions("ghost" + c.tag())).containsExactly("login.failure");
        // the successful login is the user's own act, not "system"'s
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE entity_type = 'user' AND entity_id = :u"
                + " AND action = 'login.success'").param("u", user).query(String.class).single()).isEqualTo(user);
        String throttled = jdbc.sql("SELECT after_state FROM audit_event WHERE entity_type = 'user' AND entity_id = :u"
                        + " AND action = 'login.throttled'").param("u", user).query(String.class).single();
        assertThat(throttled).contains("\"address\":\"127.0.0.1\"").contains("\"retryAfterSeconds\":30");
    }

    @Test
    void wrongPasswordsDoNotEndTheUsersTokens() throws Exception {
        String user = c.orgDeptAUser();
        String token = Logins.token(mvc, user);
        for (int i = 0; i < 7; i++) {
            tokenRequest(user, "Wrong-Pass-2026");
        }
        mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isOk());
    }

    private ResultActions tokenRequest(String username, String password, String address) throws Exception {
        return mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    private ResultActions tokenRequest(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    /**
     * Posts the login form; returns where the refusal leads (the login page, saying why), checking that the refusal
     * stored nothing: no session.
     */
    private String formLogin(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(status().isFound()).andReturn();
        assertThat(result.getRequest().getSession(false)).as("a session made by a refused login").isNull();
        return result.getResponse().getRedirectedUrl();
    }

    @Test
    void theLoginPageSaysWhyInItsOwnWordsOnly() throws Exception {
        assertThat(formLogin(c.liaisonAUser(), "Wrong-Pass-2026")).isEqualTo("/login?error");
        mvc.perform(get("/login?error")).andExpect(content().string(containsString("用户名或密码错误")));
        mvc.perform(get("/login?error=disabled")).andExpect(content().string(containsString("账户已停用")));
        mvc.perform(get("/login?error=unavailable")).andExpect(content().string(containsString("登录服务暂时不可用")));
        mvc.perform(get("/login?error=throttled&wait=125")).andExpect(content().string(containsString("请 3 分钟后再试")));
        // a hand-made address cannot put its own text or an absurd wait on the page
        mvc.perform(get("/login?error=<script>alert(1)</script>")).andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名或密码错误")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("alert(1)"))));
        mvc.perform(get("/login?error=throttled&wait=999999999999")).andExpect(content().string(containsString("请 1440 分钟后再试")));
        mvc.perform(get("/login?error=throttled&wait=abc")).andExpect(content().string(containsString("请 1 分钟后再试")));
        mvc.perform(get("/login")).andExpect(content().string(org.hamcrest.Matchers.not(containsString("login-error"))));
    }

    private List<String> actions(String username) {
        return jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'user' AND entity_id = :u ORDER BY id")
                .param("u", username).query(String.class).list();
    }
}
