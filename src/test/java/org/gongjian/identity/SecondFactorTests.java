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

    @Autowired
    TotpSecrets secrets;

    County c;

    @BeforeEach
    void county() {
        c = fixtures.county();
    }

    @Test
    void anAdministratorsTokenNeedsTheCode() throws Exception {
        token(c.adminUser(), PASSWORD, null).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(endsWith("/second-factor-required")));
        token(c.adminUser(), PASSWORD, wrong(OrgFixtures.totpCode(clock))).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("动态口令不正确或已过期"));
        token(c.adminUser(), "Wrong-Pass-2026", OrgFixtures.totpCode(clock)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("用户名或密码错误"));
        token(c.adminUser(), PASSWORD, OrgFixtures.totpCode(clock)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").isString());
        // A code from the period before or after still counts (phones drift); two periods away does not.
        clock.advance(Duration.ofSeconds(60));
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
        String wrong = mvc.perform(post("/login/code").session(session).with(csrf()).param("code", wrong(OrgFixtures.totpCode(clock))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("动态口令不正确");
        MvcResult done = mvc.perform(post("/login/code").session(session).with(csrf()).param("code", OrgFixtures.totpCode(clock)))
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
    void aCodeIsGoodOnceForTheTokenEndpoint() throws Exception {
        String code = OrgFixtures.totpCode(clock);
        token(c.adminUser(), PASSWORD, code).andExpect(status().isCreated());
        // The same code again, within its 30 seconds and after them: refused exactly as a wrong code is.
        token(c.adminUser(), PASSWORD, code).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("动态口令不正确或已过期"));
        clock.advance(Duration.ofSeconds(30));
        token(c.adminUser(), PASSWORD, code).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("动态口令不正确或已过期"));
        // Nor an earlier code the phone showed before it (a step at or before the last used one).
        token(c.adminUser(), PASSWORD, codeAt(OrgFixtures.TOTP_SECRET, -1)).andExpect(status().isUnauthorized());
        // The next code is fine.
        token(c.adminUser(), PASSWORD, OrgFixtures.totpCode(clock)).andExpect(status().isCreated());
        // Kept in the database, so every node sees it.
        assertThat(jdbc.sql("SELECT last_step FROM user_totp t JOIN app_user u ON u.id = t.user_id WHERE u.username = :u")
                .param("u", c.adminUser()).query(Long.class).single())
                .isEqualTo(clock.instant().getEpochSecond() / 30);
    }

    @Test
    void aCodeIsGoodOnceAtTheLoginPage() throws Exception {
        String code = OrgFixtures.totpCode(clock);
        MockHttpSession first = formLogin(c.adminUser());
        mvc.perform(post("/login/code").session(first).with(csrf()).param("code", code))
                .andExpect(status().is3xxRedirection());
        MockHttpSession second = formLogin(c.adminUser());
        String refused = mvc.perform(post("/login/code").session(second).with(csrf()).param("code", code))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String wrongPage = mvc.perform(post("/login/code").session(second).with(csrf()).param("code", wrong(code)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("动态口令不正确");
        assertThat(message(refused)).isEqualTo(message(wrongPage));
        mvc.perform(get("/users").session(second)).andExpect(redirectedUrl("/login/code"));
        // Used at the token endpoint, it is used at the page too (one record per user).
        clock.advance(Duration.ofSeconds(30));
        token(c.adminUser(), PASSWORD, OrgFixtures.totpCode(clock)).andExpect(status().isCreated());
        MockHttpSession third = formLogin(c.adminUser());
        mvc.perform(post("/login/code").session(third).with(csrf()).param("code", OrgFixtures.totpCode(clock)))
                .andExpect(status().isOk());
    }

    @Test
    void theEnrolmentCodeCannotBeReplayedAtTheLogin() throws Exception {
        String name = "replay" + c.tag();
        users.createPrehashed(name, encoder.encode(PASSWORD), null, c.county().id(), EnumSet.of(Role.ADMIN));
        MockHttpSession session = formLogin(name);
        mvc.perform(get("/account/totp").session(session)).andExpect(status().isOk());
        String secret = (String) session.getAttribute("TOTP_ENROLMENT_SECRET");
        String code = codeAt(secret, 0);
        mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", code)).andExpect(status().isOk());
        token(name, PASSWORD, code).andExpect(status().isUnauthorized());
        token(name, PASSWORD, codeAt(secret, 1)).andExpect(status().isCreated());
    }

    @Test
    void theSecretIsStoredSealedAndLoginsStillWork() throws Exception {
        String name = "sealed" + c.tag();
        long id = users.createPrehashed(name, encoder.encode(PASSWORD), null, c.county().id(), EnumSet.of(Role.ADMIN));
        MockHttpSession session = formLogin(name);
        mvc.perform(get("/account/totp").session(session)).andExpect(status().isOk());
        String secret = (String) session.getAttribute("TOTP_ENROLMENT_SECRET");
        mvc.perform(post("/account/totp").session(session).with(csrf()).param("code", codeAt(secret, 0)))
                .andExpect(status().isOk());

        var row = jdbc.sql("SELECT secret, secret_key_id FROM user_totp WHERE user_id = :id").param("id", id)
                .query().singleRow();
        String stored = (String) row.get("secret");
        assertThat(stored).doesNotContain(secret).doesNotContain(secret.toLowerCase()).startsWith("g1:");
        assertThat(row.get("secret_key_id")).isEqualTo("t2");
        token(name, PASSWORD, codeAt(secret, 1)).andExpect(status().isCreated());

        // Copied onto another user's row, the seal does not open (the user id is bound into it).
        long otherId = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", c.adminUser())
                .query(Long.class).single();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> secrets.open(otherId, "t2", stored))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretSealedUnderARetiredKeyStillVerifiesAfterRotation() throws Exception {
        // Sealed when t1 was the only (current) key, then the keys were rotated to t1,t2 with t2 current (the
        // test configuration): the row names t1 and still opens.
        TotpSecrets before = new TotpSecrets(
                "t1:Z29uZ2ppYW4tdGVzdC10b3RwLWtleS1vbmUtMzItYnl0ZXMhISE=;current=t1");
        String name = "rotated" + c.tag();
        long id = users.createPrehashed(name, encoder.encode(PASSWORD), null, c.county().id(), EnumSet.of(Role.ADMIN));
        TotpSecrets.Sealed sealed = before.seal(id, OrgFixtures.TOTP_SECRET);
        assertThat(sealed.keyId()).isEqualTo("t1");
        jdbc.sql("INSERT INTO user_totp (user_id, secret, secret_key_id, enrolled_at) VALUES (:id, :s, :k, CURRENT_TIMESTAMP)")
                .param("id", id).param("s", sealed.text()).param("k", sealed.keyId()).update();
        token(name, PASSWORD, OrgFixtures.totpCode(clock)).andExpect(status().isCreated());
        // A key that is no longer configured: the secret can't be opened (the deployment must keep old keys).
        assertThatThrownByOpening(new TotpSecrets(
                "t2:Z29uZ2ppYW4tdGVzdC10b3RwLWtleS10d28tMzItYnl0ZXMhISE=;current=t2"), id, sealed.text());
    }

    @Test
    void secretsStoredInClearAreSealedAtStart() throws Exception {
        String name = "clear" + c.tag();
        long id = users.createPrehashed(name, encoder.encode(PASSWORD), null, c.county().id(), EnumSet.of(Role.ADMIN));
        jdbc.sql("INSERT INTO user_totp (user_id, secret, enrolled_at) VALUES (:id, :s, CURRENT_TIMESTAMP)")
                .param("id", id).param("s", OrgFixtures.TOTP_SECRET).update();
        // Before the start-up step runs, a clear row (from before sealing) still works.
        token(name, PASSWORD, OrgFixtures.totpCode(clock)).andExpect(status().isCreated());
        assertThat(secrets.sealClearSecrets(jdbc)).isPositive();
        String stored = jdbc.sql("SELECT secret FROM user_totp WHERE user_id = :id").param("id", id)
                .query(String.class).single();
        assertThat(stored).doesNotContain(OrgFixtures.TOTP_SECRET).startsWith("g1:");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_totp WHERE secret_key_id IS NULL").query(Long.class).single())
                .isZero();
        clock.advance(Duration.ofSeconds(30));
        token(name, PASSWORD, OrgFixtures.totpCode(clock)).andExpect(status().isCreated());
        assertThat(secrets.sealClearSecrets(jdbc)).isZero();
    }

    @Test
    void aMissingTotpKeyRefusesToStartOutsideTheDemo() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/gongjian")
                .withProperty("gongjian.identity.totp-keys", "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TotpSecrets(production))
                .hasMessageContaining("GONGJIAN_TOTP_KEYS 未配置");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TotpSecrets("k1:c2hvcnQ="))
                .hasMessageContaining("不足 32 字节");
        assertThat(new TotpSecrets(new MockEnvironment().withProperty("gongjian.demo.enabled", "true")).seal(1, "A").keyId())
                .isEqualTo("demo");
    }

    private static void assertThatThrownByOpening(TotpSecrets keys, long userId, String text) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.open(userId, "t1", text))
                .hasMessageContaining("GONGJIAN_TOTP_KEYS");
    }

    /** The page's error message (the alert's text), to compare a reused code's answer with a wrong code's. */
    private static String message(String page) {
        int at = page.indexOf("动态口令");
        return page.substring(at, page.indexOf('<', at));
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
        SecondFactor demoFactor = new SecondFactor(jdbc, clock, settings, event -> { }, demo, secrets);
        MockEnvironment production = new MockEnvironment().withProperty("gongjian.demo.enabled", "false");
        SecondFactor productionFactor = new SecondFactor(jdbc, clock, settings, event -> { }, production, secrets);
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
