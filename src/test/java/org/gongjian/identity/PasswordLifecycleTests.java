package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.support.OrgFixtures.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A password's life (issue #17 item 2): initial and reset passwords must be changed first (the UI sends the user to
 * the change page, the API answers 403 {@code password-change-required}), the last five may not be chosen again,
 * an optional maximum age; the last login shown at the next one, dormant accounts listed, and a token that ends
 * itself.
 */
class PasswordLifecycleTests extends IntegrationTest {

    private static final String INITIAL = "Hx7-Lantern-Q2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    County c;
    String admin;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        admin = Logins.token(mvc, c.adminUser());
    }

    @Test
    void anInitialPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        String name = "first" + c.tag();
        mvc.perform(post("/api/v1/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + name + "\",\"password\":\"" + INITIAL + "\",\"roles\":[\"LIAISON\"],"
                        + "\"scopeUnitId\":" + c.townshipA().id() + "}")).andExpect(status().isCreated());

        String body = tokenBody(name, INITIAL);
        assertThat(JsonPath.<Boolean>read(body, "$.passwordChangeRequired")).isTrue();
        String token = "Bearer " + JsonPath.read(body, "$.token");
        mvc.perform(get("/api/v1/units/" + c.townshipA().id()).header("Authorization", token))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(endsWith("/password-change-required")));
        mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isOk());

        MockHttpSession session = Logins.sessionWith(mvc, name, INITIAL);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password?due"));
        mvc.perform(get("/account/password").param("due", "").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("须先修改后才能继续使用系统")));

        mvc.perform(post("/api/v1/me/password").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"oldPassword\":\"" + INITIAL + "\",\"newPassword\":\"Tide&Rock-39x\"}"))
                .andExpect(status().isNoContent());
        String fresh = tokenBody(name, "Tide&Rock-39x");
        assertThat(JsonPath.<Boolean>read(fresh, "$.passwordChangeRequired")).isFalse();
        mvc.perform(get("/api/v1/units/" + c.townshipA().id()).header("Authorization", "Bearer " + JsonPath.read(fresh, "$.token")))
                .andExpect(status().isOk());
        mvc.perform(get("/").session(Logins.sessionWith(mvc, name, "Tide&Rock-39x"))).andExpect(status().isOk());
    }

    @Test
    void aResetPasswordMustBeChangedToo() throws Exception {
        long id = userId(c.liaisonAUser());
        mvc.perform(post("/api/v1/users/" + id + "/password").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + INITIAL + "\"}")).andExpect(status().isOk());
        MockHttpSession session = Logins.sessionWith(mvc, c.liaisonAUser(), INITIAL);
        mvc.perform(get("/units").session(session)).andExpect(redirectedUrl("/account/password?due"));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("oldPassword", INITIAL)
                .param("newPassword", "Tide&Rock-39x").param("confirmPassword", "Tide&Rock-39x"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }

    @Test
    void theLastFivePasswordsMayNotBeChosenAgain() throws Exception {
        String user = c.liaisonBUser();
        String[] passwords = {PASSWORD, "Tide&Rock-39a", "Tide&Rock-39b", "Tide&Rock-39c", "Tide&Rock-39d", "Tide&Rock-39e"};
        for (int i = 1; i < 5; i++) {
            change(user, passwords[i - 1], passwords[i]).andExpect(status().isNoContent());
        }
        // Current: 39d; history: the fixture's, 39a, 39b, 39c.
        change(user, passwords[4], PASSWORD).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("最近 5 次")));
        change(user, passwords[4], "Tide&Rock-39b").andExpect(status().isUnprocessableContent());
        change(user, passwords[4], passwords[5]).andExpect(status().isNoContent());
        // Five later, the fixture's password has left the history.
        change(user, passwords[5], PASSWORD).andExpect(status().isNoContent());
    }

    @Test
    void aPasswordOlderThanTheMaximumAgeIsDue() {
        Instant changed = Instant.parse("2026-01-01T00:00:00Z");
        UserStore.UserRow row = new UserStore.UserRow(1, "u", "h", null, null, null, true, Set.of(Role.LIAISON),
                null, false, changed, null);
        Instant now = Instant.parse("2026-04-15T00:00:00Z");
        assertThat(row.passwordChangeDue(now, null)).as("no maximum age by default").isFalse();
        assertThat(row.passwordChangeDue(now, Duration.ofDays(90))).isTrue();
        assertThat(row.passwordChangeDue(now, Duration.ofDays(180))).isFalse();
    }

    @Test
    void theLastLoginIsShownAtTheNextOne() throws Exception {
        String user = c.leaderUser();
        clock.set(Instant.parse("2026-06-15T02:00:00Z"));
        String first = mvc.perform(get("/").session(Logins.session(mvc, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("这是您首次登录本系统");
        clock.set(Instant.parse("2026-06-16T01:00:00Z"));
        MockHttpSession second = Logins.session(mvc, user);
        assertThat(mvc.perform(get("/").session(second)).andReturn().getResponse().getContentAsString())
                .contains("上次登录：2026-06-15 10:00，来自 127.0.0.1");
        assertThat(mvc.perform(get("/").session(second)).andReturn().getResponse().getContentAsString())
                .as("shown once").doesNotContain("上次登录：");
        String body = tokenBody(user, PASSWORD);
        assertThat(JsonPath.<String>read(body, "$.lastLoginAt")).isEqualTo("2026-06-16T01:00:00Z");
    }

    @Test
    void dormantAccountsAreListedForTheAdministrator() throws Exception {
        Logins.token(mvc, c.liaisonAUser());
        clock.advance(Duration.ofDays(91));
        MockHttpSession session = Logins.session(mvc, c.adminUser());
        String page = mvc.perform(get("/users/dormant").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(c.liaisonAUser()).contains(c.orgDeptUser()).contains("从未登录")
                .doesNotContain("disable-" + c.adminUser() + "\"");
        mvc.perform(get("/users/dormant").session(Logins.session(mvc, c.leaderUser()))).andExpect(status().isForbidden());
    }

    @Test
    void aTokenCanEndItself() throws Exception {
        String one = Logins.token(mvc, c.liaisonAUser());
        String other = Logins.token(mvc, c.liaisonAUser());
        mvc.perform(delete("/api/v1/auth/tokens/current").header("Authorization", one)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", one)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", other)).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/auth/tokens/current")).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'token.revoke' AND entity_id = :id")
                .param("id", String.valueOf(userId(c.liaisonAUser()))).query(Long.class).single()).isEqualTo(1);
    }

    private org.springframework.test.web.servlet.ResultActions change(String user, String old, String next) throws Exception {
        return mvc.perform(post("/api/v1/me/password").header("Authorization", Logins.token(mvc, user, old))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"oldPassword\":\"" + old + "\",\"newPassword\":\"" + next + "\"}"));
    }

    private String tokenBody(String user, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }
}
