package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Changing one's own password: page and API, the policy, the old-password check counted as a login, tokens ended. */
class AccountPasswordTests extends IntegrationTest {

    private static final String NEW = "Xin-Mima-2026!";

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void theApiChangesThePasswordEndsOldTokensAndAudits() throws Exception {
        String user = fixtures.county().liaisonAUser();
        String token = Logins.token(mvc, user);
        mvc.perform(post("/api/v1/me/password").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(body(OrgFixtures.PASSWORD, NEW)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isUnauthorized());
        assertThat(Logins.token(mvc, user, NEW)).startsWith("Bearer ");
        long audits = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'user.password-change' AND after_state LIKE :u")
                .param("u", "%" + user + "%").query(Long.class).single();
        assertThat(audits).isOne();
    }

    @Test
    void weakSameOrMissingPasswordsAreRefusedAndChangeNothing() throws Exception {
        String user = fixtures.county().liaisonAUser();
        String token = Logins.token(mvc, user);
        for (String[] bad : new String[][] {{OrgFixtures.PASSWORD, "short1A!"}, {OrgFixtures.PASSWORD, OrgFixtures.PASSWORD},
                {OrgFixtures.PASSWORD, "Abc-" + user + "-99"}, {OrgFixtures.PASSWORD, ""}}) {
            mvc.perform(post("/api/v1/me/password").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                            .content(body(bad[0], bad[1])))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        }
        mvc.perform(post("/api/v1/me/password").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"oldPassword\": 12, \"newPassword\": [1]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isOk());
        assertThat(Logins.token(mvc, user)).as("the old password still works").startsWith("Bearer ");
    }

    @Test
    void wrongOldPasswordsCountTowardsTheThrottleAsAtLogin() throws Exception {
        String user = fixtures.county().liaisonAUser();
        String token = Logins.token(mvc, user);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/api/v1/me/password").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                            .content(body("guess-" + i, NEW)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("oldPassword"));
        }
        mvc.perform(post("/api/v1/me/password").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(body(OrgFixtures.PASSWORD, NEW)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/login-throttled")));
        mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"" + OrgFixtures.PASSWORD + "\"}"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void thePageSaysWhatIsWrongInChineseAndConfirmsTheChange() throws Exception {
        String user = fixtures.county().liaisonAUser();
        MockHttpSession session = Logins.session(mvc, user);
        String mismatch = mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("oldPassword", OrgFixtures.PASSWORD).param("newPassword", NEW).param("confirmPassword", NEW + "x"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mismatch).contains("两次输入的新密码不一致");
        String wrong = mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("oldPassword", "nope").param("newPassword", NEW).param("confirmPassword", NEW))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("密码不正确");
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("oldPassword", OrgFixtures.PASSWORD).param("newPassword", NEW).param("confirmPassword", NEW))
                .andExpect(redirectedUrl("/account"));
        assertThat(mvc.perform(get("/account").session(session)).andReturn().getResponse().getContentAsString())
                .contains("密码已修改").contains(user);
    }

    private static String body(String oldPassword, String newPassword) {
        return "{\"oldPassword\":\"" + oldPassword + "\",\"newPassword\":\"" + newPassword + "\"}";
    }
}
