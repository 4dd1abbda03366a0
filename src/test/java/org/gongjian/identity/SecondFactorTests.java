package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.support.OrgFixtures.PASSWORD;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * TOTP for administrators (issue #17 item 2): the code step after the password in the UI, the {@code code} field on
 * the token endpoint, enrolment with a QR code and recovery codes, and the demo's exemption.
 */
class SecondFactorTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    LoginSettings settings;

    County c;

    @BeforeEach
    void county() {
        c = fixtures.county();
    }

    @Test
    void anAdministratorsTokenNeedsTheCode() throws Exception {
        token(c.adminUser(), PASSWORD, null).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(endsWith("/second-factor-required")));
        token(c.adminUser(), PASSWORD, wrong(OrgFixtures.totpCode())).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("动态口令不正确或已过期"));
        token(c.adminUser(), "Wrong-Pass-2026", OrgFixtures.totpCode()).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("用户名或密码错误"));
        token(c.adminUser(), PASSWORD, OrgFixtures.totpCode()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").isString());
        // A code from the period before or after still counts (phones drift); two periods away does not.
        clock.advance(Duration.ofSeconds(30));
        String stale = codeAt(OrgFixtures.TOTP_SECRET, -2);
        token(c.adminUser(), PASSWORD, stale).andExpect(status().isUnauthorized());
        token(c.adminUser(), PASSWORD, codeAt(OrgFixtures.TOTP_SECRET, -1)).andExpect(status().isCreated());
        assertThat(actions(c.adminUser())).contains("login.failure", "login.success");
    }

    @Test
    void theFormLoginOfAnAdministratorStopsAtTheCodeStep() throws Exception {
        MockHttpSession session = formLogin(c.adminUser());
        mvc.perform(get("/users").session(session)).andExpect(redirectedUrl("/login/code"));
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
        String wrong = mvc.perform(post("/login/code").session(session).with(csrf()).param("code", wrong(OrgFixtures.totpCode())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("动态口令不正确");
        MvcResult done = mvc.perform(post("/login/code").session(session).with(csrf()).param("code", OrgFixtures.totpCode()))
                .andExpect(status().is3xxRedirection()).andReturn();
        MockHttpSession signedIn = (MockHttpSession) done.getRequest().getSession(false);
        mvc.perform(get("/users").session(signedIn)).andExpect(status().isOk());
    }

    @Test
    void anAdministratorWithoutAnAuthenticatorEnrolsAtTheFirstLogin() throws Exception {
        String name = "newadm" + c.tag();
        long id = users.createPrehashed(name, encoder.encode(PASSWORD), null, c.county().id(), EnumSet.of(Role.ADMIN));
        token(name, PASSWORD, "123456").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(endsWith("/second-factor-enrolment-required")));

        MockHttpSession session = formLogin(name);
        mvc.perform(get("/units").session(session)).andExpect(redirectedUrl("/account/totp"));
        String page = mvc.perform(get("/account/totp").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data:image/png;base64,").contains("绑定动态口令");
        String secret = (String) session.getAttribute("TOTP_ENROLMENT_SECRET");
        assertThat(page).contains(secret);

        String refused = mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", wrong(codeAt(secret, 0))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("动态口令不正确");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_totp WHERE user_id = :id").param("id", id).query(Long.class).single()).isZero();

        MvcResult enrolled = mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", codeAt(secret, 0)))
                .andExpect(status().isOk()).andReturn();
        List<String> codes = List.of(enrolled.getResponse().getContentAsString().split("data-test=\"recovery-code\">"))
                .stream().skip(1).map(part -> part.substring(0, part.indexOf('<'))).toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        MockHttpSession signedIn = (MockHttpSession) enrolled.getRequest().getSession(false);
        mvc.perform(get("/units").session(signedIn)).andExpect(status().isOk());

        // A recovery code stands in for the phone once.
        token(name, PASSWORD, codes.get(3)).andExpect(status().isCreated());
        token(name, PASSWORD, codes.get(3)).andExpect(status().isUnauthorized());
        assertThat(actions(String.valueOf(id))).contains("user.totp-enrol", "user.totp-recovery-code-used");
    }

    @Test
    void otherRolesNeedNoCodeUnlessTheyEnrolled() throws Exception {
        token(c.liaisonAUser(), PASSWORD, null).andExpect(status().isCreated());
        MvcResult login = mvc.perform(post("/login").param("username", c.leaderUser()).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn();
        assertThat(login.getRequest().getSession(false)).isNotNull();
    }

    @Test
    void theDemoLetsAdministratorsInWithoutAnAuthenticatorButNotThoseWhoHaveOne() {
        MockEnvironment demo = new MockEnvironment().withProperty("gongjian.demo.enabled", "true");
        SecondFactor demoFactor = new SecondFactor(jdbc, clock, settings, event -> { }, demo);
        MockEnvironment production = new MockEnvironment().withProperty("gongjian.demo.enabled", "false");
        SecondFactor productionFactor = new SecondFactor(jdbc, clock, settings, event -> { }, production);
        long plain = users.createPrehashed("demoadm" + c.tag(), "{noop}x", null, null, EnumSet.of(Role.ADMIN));
        CurrentUser plainAdmin = new CurrentUser(plain, "demoadm" + c.tag(), null, null, EnumSet.of(Role.ADMIN));
        long enrolledId = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", c.adminUser()).query(Long.class).single();
        CurrentUser enrolledAdmin = new CurrentUser(enrolledId, c.adminUser(), null, null, EnumSet.of(Role.ADMIN));

        assertThat(demoFactor.required(plainAdmin)).isFalse();
        assertThat(demoFactor.required(enrolledAdmin)).isTrue();
        assertThat(productionFactor.required(plainAdmin)).isTrue();
        assertThat(Role.ADMIN.isAdministrator()).isTrue();
        assertThat(Role.LIAISON.isAdministrator()).isFalse();
    }

    private MockHttpSession formLogin(String username) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).matches(".*/(login/code|account/totp)$");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private ResultActions token(String username, String password, String code) throws Exception {
        String json = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\""
                + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}";
        return mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** The code for the secret {@code periods} 30-second steps from now by the test clock. */
    private String codeAt(String secret, int periods) throws Exception {
        return new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30 + periods);
    }

    private static String wrong(String code) {
        return String.valueOf((Integer.parseInt(code) + 1) % 1_000_000 + 1_000_000).substring(1);
    }

    private List<String> actions(String entityId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'user' AND entity_id = :u ORDER BY id")
                .param("u", entityId).query(String.class).list();
    }
}
