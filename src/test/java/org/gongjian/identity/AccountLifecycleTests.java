package org.gongjian.identity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** Administrators disable, enable, unlock and reset accounts in their scope; each takes effect at once. */
class AccountLifecycleTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;

    County c;
    String admin;
    long liaison;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        admin = Logins.token(mvc, c.adminUser());
        liaison = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", c.liaisonAUser()).query(Long.class).single();
    }

    @Test
    void disablingEndsTokensAndSessionsAtOnceAndEnablingRestores() throws Exception {
        String token = Logins.token(mvc, c.liaisonAUser());
        MockHttpSession session = Logins.session(mvc, c.liaisonAUser());
        mvc.perform(post("/api/v1/users/" + liaison + "/disable").header("Authorization", admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/units").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login?disabled")));
        mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + c.liaisonAUser() + "\",\"password\":\"" + OrgFixtures.PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail", containsString("停用")));
        mvc.perform(post("/api/v1/users/" + liaison + "/enable").header("Authorization", admin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", Logins.token(mvc, c.liaisonAUser()))).andExpect(status().isOk());
    }

    @Test
    void unlockLiftsALockoutEarly() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"" + c.liaisonAUser() + "\",\"password\":\"wrong" + i + "\"}"));
        }
        mvc.perform(get("/api/v1/users/" + liaison).header("Authorization", admin)).andExpect(jsonPath("$.locked").value(true));
        mvc.perform(post("/api/v1/users/" + liaison + "/unlock").header("Authorization", admin))
                .andExpect(jsonPath("$.locked").value(false));
        mvc.perform(get("/api/v1/me").header("Authorization", Logins.token(mvc, c.liaisonAUser()))).andExpect(status().isOk());
    }

    @Test
    void resetPasswordChecksStrengthAndRetiresOldTokens() throws Exception {
        String old = Logins.token(mvc, c.liaisonAUser());
        mvc.perform(post("/api/v1/users/" + liaison + "/password").header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"123456\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/api/v1/users/" + liaison + "/password").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Tide&Rock-39x\"}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", old)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", Logins.token(mvc, c.liaisonAUser(), "Tide&Rock-39x")))
                .andExpect(status().isOk());
        long audits = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'user.password-reset' AND entity_id = :id")
                .param("id", String.valueOf(liaison)).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(audits).isEqualTo(1);
    }

    @Test
    void limitsOfWhoMayDoWhat() throws Exception {
        long self = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", c.adminUser()).query(Long.class).single();
        mvc.perform(post("/api/v1/users/" + self + "/disable").header("Authorization", admin)).andExpect(status().isUnprocessableContent());
        County other = fixtures.county();
        long stranger = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", other.liaisonAUser()).query(Long.class).single();
        mvc.perform(post("/api/v1/users/" + stranger + "/disable").header("Authorization", admin)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/users/" + liaison + "/unlock").header("Authorization", Logins.token(mvc, c.orgDeptUser())))
                .andExpect(status().isForbidden());
    }
}
