package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.support.OrgFixtures.PASSWORD;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The login throttle on the shared {@code login_failure} table (issue #17 item 2): a progressive wait per name and
 * address, a ceiling per address whatever names it sprays, only a slow-down per name from many addresses (so no
 * one can keep {@code admin} out), and the same answers for unknown and real names.
 */
class LoginThrottleTests extends IntegrationTest {

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

    /** The production defaults (30 failures per address in 15 minutes), whatever the test profile relaxes. */
    private LoginThrottle productionThrottle() {
        LoginSettings defaults = new LoginSettings(Duration.ofMinutes(15), Duration.ofDays(1), 5, Duration.ofSeconds(30),
                Duration.ofMinutes(15), 30, 10, Duration.ofSeconds(1), 5, null, Duration.ofDays(90), "攻坚");
        return new LoginThrottle(jdbc, defaults, clock);
    }

    @Test
    void oneAddressSprayingManyNamesIsHeldBackAfterThirtyFailures() {
        LoginThrottle throttle = productionThrottle();
        String address = randomAddress();
        for (int i = 0; i < 29; i++) {
            throttle.failed("spray" + i + c.tag(), address);
        }
        assertThat(throttle.check("next" + c.tag(), address).refused()).isFalse();
        throttle.failed("spray29" + c.tag(), address);

        LoginThrottle.Verdict verdict = throttle.check("next" + c.tag(), address);
        assertThat(verdict.refused()).isTrue();
        assertThat(verdict.retryAfter()).hasValue(Duration.ofMinutes(15));
        assertThat(throttle.check("next" + c.tag(), randomAddress()).refused()).as("other addresses go on").isFalse();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.check("next" + c.tag(), address).refused()).isFalse();
    }

    @Test
    void theWaitForANameFromAnAddressDoublesUpToFifteenMinutes() {
        LoginThrottle throttle = productionThrottle();
        String name = "pw" + c.tag();
        String address = randomAddress();
        for (int i = 0; i < 4; i++) {
            throttle.failed(name, address);
            assertThat(throttle.check(name, address).refused()).as("typos are free").isFalse();
        }
        long[] waits = {30, 60, 120, 240, 480, 900, 900};
        for (long wait : waits) {
            throttle.failed(name, address);
            assertThat(throttle.check(name, address).retryAfter()).hasValue(Duration.ofSeconds(wait));
            clock.advance(Duration.ofSeconds(wait));
            assertThat(throttle.check(name, address).refused()).isFalse();
        }
    }

    @Test
    void manyAddressesOnOneNameOnlySlowItDown() {
        LoginThrottle throttle = productionThrottle();
        String name = c.adminUser();
        for (int i = 0; i < 12; i++) {
            throttle.failed(name, randomAddress());
        }
        LoginThrottle.Verdict verdict = throttle.check(name, randomAddress());
        assertThat(verdict.refused()).isFalse();
        assertThat(verdict.slowDown()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anAttackerCannotKeepTheAdministratorOut() throws Exception {
        // 40 wrong passwords on the admin's name from 40 addresses, and 8 from the attacker's own.
        for (int i = 0; i < 40; i++) {
            token(c.adminUser(), "Wrong-Pass-" + i, randomAddress(), null).andExpect(status().isUnauthorized());
        }
        String attacker = randomAddress();
        for (int i = 0; i < 8; i++) {
            token(c.adminUser(), "Wrong-Pass-" + i, attacker, null);
        }
        token(c.adminUser(), PASSWORD, attacker, OrgFixtures.totpCode(clock)).andExpect(status().isTooManyRequests());
        // The administrator, from their own desk, still gets in at once.
        token(c.adminUser(), PASSWORD, "192.0.2.10", OrgFixtures.totpCode(clock)).andExpect(status().isCreated());
        // Counted: the 40, and the attacker's first 5 (the rest were refused before the password was looked at).
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE username = :u").param("u", c.adminUser())
                .query(Long.class).single()).isEqualTo(45);
    }

    @Test
    void unknownAndRealNamesGetTheSameAnswers() throws Exception {
        String real = c.liaisonAUser();
        String ghost = "ghost" + c.tag();
        String address = randomAddress();
        for (int i = 0; i < 5; i++) {
            String a = body(token(real, "Wrong-Pass-2026", address, null).andExpect(status().isUnauthorized()).andReturn());
            String b = body(token(ghost, "Wrong-Pass-2026", address, null).andExpect(status().isUnauthorized()).andReturn());
            assertThat(a).isEqualTo(b);
        }
        String a = body(token(real, PASSWORD, address, null).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30")).andReturn());
        String b = body(token(ghost, PASSWORD, address, null).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30")).andReturn());
        assertThat(a).isEqualTo(b).contains("登录失败次数过多");
    }

    @Test
    void theSecurityAdministratorLiftsTheWait() throws Exception {
        String address = randomAddress();
        for (int i = 0; i < 5; i++) {
            token(c.liaisonBUser(), "Wrong-Pass-2026", address, null);
        }
        token(c.liaisonBUser(), PASSWORD, address, null).andExpect(status().isTooManyRequests());
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", c.liaisonBUser()).query(Long.class).single();
        mvc.perform(post("/api/v1/users/" + id + "/unlock").header("Authorization",
                org.gongjian.support.Logins.token(mvc, c.adminUser()))).andExpect(status().isOk());
        token(c.liaisonBUser(), PASSWORD, address, null).andExpect(status().isCreated());
    }

    private org.springframework.test.web.servlet.ResultActions token(String username, String password, String address,
                                                                      String code) throws Exception {
        String json = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\""
                + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}";
        return mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String randomAddress() {
        UUID id = UUID.randomUUID();
        return "10." + Math.floorMod(id.getMostSignificantBits(), 250) + "." + Math.floorMod(id.getLeastSignificantBits(), 250)
                + "." + Math.floorMod(id.hashCode(), 250);
    }
}
