package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.shared.DataScope;
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
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * 三员分立 (等保2.0 三级, 访问控制): the system, security and audit administrators can each do their own part and none
 * of the others' — a matrix of endpoints × roles, every cell asserted — none of them sees campaign data, an
 * administrator role stands alone, and what each does is in the trail only the audit administrator reads.
 */
class AdminSeparationTests extends IntegrationTest {

    private static final String STRONG = "Hx7-Lantern-Q2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    CampaignService campaigns;

    @Autowired
    JdbcClient jdbc;

    County c;
    String sys;
    String sec;
    String aud;
    Map<String, String> tokens;

    @BeforeEach
    void administrators() throws Exception {
        c = fixtures.county();
        sys = fixtures.user("sys" + c.tag(), c.county(), Role.SYS_ADMIN);
        sec = fixtures.user("sec" + c.tag(), c.county(), Role.SEC_ADMIN);
        aud = fixtures.user("aud" + c.tag(), c.county(), Role.AUDIT_ADMIN);
        tokens = new LinkedHashMap<>();
        tokens.put("SYS_ADMIN", Logins.token(mvc, sys));
        tokens.put("SEC_ADMIN", Logins.token(mvc, sec));
        tokens.put("AUDIT_ADMIN", Logins.token(mvc, aud));
    }

    /** One endpoint and the role (of the three) that may call it; the other two must get 403. */
    record Cell(String what, String owner, int ok, Supplier<RequestBuilder> request) {}

    @Test
    void eachAdministratorDoesItsOwnWorkAndNoneOfTheOthers() throws Exception {
        long liaison = userId(c.liaisonAUser());
        List<Cell> matrix = List.of(
                new Cell("open an account", "SYS_ADMIN", 201, () -> json(post("/api/v1/users"), """
                        {"username":"n%s","password":"%s","roles":["LIAISON"],"scopeUnitId":%d}"""
                        .formatted(unique(), STRONG, c.townshipA().id()))),
                new Cell("disable an account", "SYS_ADMIN", 200, () -> post("/api/v1/users/" + liaison + "/disable")),
                new Cell("enable an account", "SYS_ADMIN", 200, () -> post("/api/v1/users/" + liaison + "/enable")),
                new Cell("reset a password", "SYS_ADMIN", 200, () -> json(post("/api/v1/users/" + liaison + "/password"),
                        "{\"password\":\"" + STRONG + "\"}")),
                new Cell("add a unit", "SYS_ADMIN", 201, () -> json(post("/api/v1/units"), """
                        {"name":"新村%s","kind":"VILLAGE","parentId":%d,"code":"V%s"}"""
                        .formatted(unique(), c.townshipA().id(), unique()))),
                new Cell("set roles", "SEC_ADMIN", 200, () -> json(put("/api/v1/users/" + liaison + "/roles"),
                        "{\"roles\":[\"LIAISON\",\"CADRE\"]}")),
                new Cell("unlock", "SEC_ADMIN", 200, () -> post("/api/v1/users/" + liaison + "/unlock")),
                new Cell("read the security policy", "SEC_ADMIN", 200, () -> get("/api/v1/security/policy")),
                new Cell("read the audit trail", "AUDIT_ADMIN", 200, () -> get("/api/v1/audit")));
        for (Cell cell : matrix) {
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                int expected = role.getKey().equals(cell.owner()) ? cell.ok() : 403;
                int actual = mvc.perform(withToken(cell.request().get(), role.getValue())).andReturn().getResponse().getStatus();
                assertThat(actual).as(role.getKey() + " → " + cell.what()).isEqualTo(expected);
            }
        }
    }

    @Test
    void listingAccountsIsForTheSystemAndSecurityAdministratorsOnly() throws Exception {
        mvc.perform(get("/api/v1/users").param("q", c.tag()).header("Authorization", tokens.get("SYS_ADMIN")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(9));
        mvc.perform(get("/api/v1/users").param("q", c.tag()).header("Authorization", tokens.get("SEC_ADMIN")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(9));
        mvc.perform(get("/api/v1/users").header("Authorization", tokens.get("AUDIT_ADMIN"))).andExpect(status().isForbidden());
    }

    @Test
    void noAdministratorSeesCampaignDataOrWritesIt() throws Exception {
        long campaign = campaigns.create(new CampaignCommand("三员隔离" + c.tag(), 2026, java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null,
                null, null), DataScope.everything()).id();
        mvc.perform(get("/api/v1/campaigns/" + campaign).header("Authorization", Logins.token(mvc, c.adminUser())))
                .andExpect(status().isOk());
        for (Map.Entry<String, String> role : tokens.entrySet()) {
            mvc.perform(get("/api/v1/campaigns/" + campaign).header("Authorization", role.getValue()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/campaigns").header("Authorization", role.getValue()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
            mvc.perform(get("/api/v1/campaigns/" + campaign + "/tasks").header("Authorization", role.getValue()))
                    .andExpect(status().isNotFound());
            mvc.perform(json(post("/api/v1/campaigns"), """
                    {"name":"越权%s","year":2026,"startDate":"2026-01-01","endDate":"2026-12-31","ownerUnitId":%d,
                     "reportingFrequency":"MONTHLY"}""".formatted(c.tag(), c.county().id()))
                    .header("Authorization", role.getValue())).andExpect(status().isForbidden());
        }
        // The unit tree and its people are the system administrator's (for accounts); not the other two's.
        String person = "/api/v1/people/" + c.cadreA().id();
        mvc.perform(get(person).header("Authorization", tokens.get("SYS_ADMIN"))).andExpect(status().isOk());
        mvc.perform(get(person).header("Authorization", tokens.get("SEC_ADMIN"))).andExpect(status().isNotFound());
        mvc.perform(get(person).header("Authorization", tokens.get("AUDIT_ADMIN"))).andExpect(status().isNotFound());
    }

    @Test
    void anAdministratorRoleIsAUsersOnlyRoleAndNobodyChangesTheirOwn() throws Exception {
        long liaison = userId(c.liaisonAUser());
        String securityAdmin = tokens.get("SEC_ADMIN");
        for (String roles : new String[] {"[\"SYS_ADMIN\",\"LIAISON\"]", "[\"AUDIT_ADMIN\",\"SEC_ADMIN\"]", "[]", "[\"ADMIN\"]"}) {
            mvc.perform(json(put("/api/v1/users/" + liaison + "/roles"), "{\"roles\":" + roles + "}")
                    .header("Authorization", securityAdmin)).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("roles"));
        }
        mvc.perform(json(put("/api/v1/users/" + userId(sec) + "/roles"), "{\"roles\":[\"LIAISON\"]}")
                .header("Authorization", securityAdmin)).andExpect(status().isUnprocessableContent());
        mvc.perform(json(put("/api/v1/users/" + liaison + "/roles"), "{\"roles\":[\"BOSS\"]}")
                .header("Authorization", securityAdmin)).andExpect(status().isBadRequest());
        assertThat(roles(liaison)).containsExactly("LIAISON");

        mvc.perform(json(post("/api/v1/users"), """
                {"username":"x%s","password":"%s","roles":["AUDIT_ADMIN"],"scopeUnitId":%d}"""
                .formatted(c.tag(), STRONG, c.county().id())).header("Authorization", tokens.get("SYS_ADMIN")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("roles"));
        mvc.perform(json(post("/api/v1/users"), """
                {"username":"y%s","password":"%s","roles":["AUDIT_ADMIN","LEADER"],"scopeUnitId":%d}"""
                .formatted(c.tag(), STRONG, c.county().id())).header("Authorization", Logins.token(mvc, c.adminUser())))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username IN (:names)")
                .param("names", List.of("x" + c.tag(), "y" + c.tag())).query(Long.class).single()).isZero();
    }

    @Test
    void theSystemAdministratorCannotTakeOverAnotherAdministratorsAccount() throws Exception {
        long auditor = userId(aud);
        String systemAdmin = tokens.get("SYS_ADMIN");
        String hashBefore = passwordHash(auditor);
        mvc.perform(json(post("/api/v1/users/" + auditor + "/password"), "{\"password\":\"" + STRONG + "\"}")
                .header("Authorization", systemAdmin)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/" + auditor + "/disable").header("Authorization", systemAdmin))
                .andExpect(status().isForbidden());
        assertThat(passwordHash(auditor)).isEqualTo(hashBefore);
        // ADMIN is for the first start: the system administrator switches it off, and can't switch it on again.
        long superAdmin = userId(c.adminUser());
        mvc.perform(post("/api/v1/users/" + superAdmin + "/disable").header("Authorization", systemAdmin))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/users/" + superAdmin + "/enable").header("Authorization", systemAdmin))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").header("Authorization", tokens.get("AUDIT_ADMIN"))).andExpect(status().isOk());
    }

    @Test
    void aRoleChangeTakesEffectAtOnceAndIsAuditedForTheAuditAdministrator() throws Exception {
        String username = fixtures.user("rc" + c.tag(), c.townshipA(), Role.LIAISON);
        String oldToken = Logins.token(mvc, username);
        MockHttpSession session = Logins.session(mvc, username);
        long id = userId(username);
        mvc.perform(json(put("/api/v1/users/" + id + "/roles"), "{\"roles\":[\"UNIT_HEAD\"]}")
                        .header("Authorization", tokens.get("SEC_ADMIN")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").value("UNIT_HEAD"));
        assertThat(roles(id)).containsExactly("UNIT_HEAD");
        mvc.perform(get("/api/v1/me").header("Authorization", oldToken)).andExpect(status().isUnauthorized());
        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/audit").param("action", "user.roles").param("entityId", String.valueOf(id))
                        .header("Authorization", tokens.get("AUDIT_ADMIN")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].actor").value(sec));
        mvc.perform(get("/api/v1/audit").header("Authorization", tokens.get("SEC_ADMIN"))).andExpect(status().isForbidden());
    }

    @Test
    void eachAdministratorsPagesOpenForItAlone() throws Exception {
        long liaison = userId(c.liaisonAUser());
        Map<String, String> pages = Map.of("/users/" + liaison + "/roles", "SEC_ADMIN", "/security/policy", "SEC_ADMIN",
                "/audit", "AUDIT_ADMIN", "/users/new?personId=" + c.cadreA().id(), "SYS_ADMIN",
                "/users/dormant", "SYS_ADMIN");
        Map<String, MockHttpSession> sessions = Map.of("SYS_ADMIN", Logins.session(mvc, sys),
                "SEC_ADMIN", Logins.session(mvc, sec), "AUDIT_ADMIN", Logins.session(mvc, aud));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            for (Map.Entry<String, MockHttpSession> role : sessions.entrySet()) {
                int status = mvc.perform(get(page.getKey()).session(role.getValue())).andReturn().getResponse().getStatus();
                assertThat(status).as(role.getKey() + " → " + page.getKey())
                        .isEqualTo(role.getKey().equals(page.getValue()) ? 200 : 403);
            }
        }
        for (MockHttpSession session : sessions.values()) {
            mvc.perform(get("/").session(session)).andExpect(status().isOk());
        }
        mvc.perform(get("/users").session(sessions.get("AUDIT_ADMIN"))).andExpect(status().isForbidden());
        // the list links 长期未使用的账号 only for whom it opens (the security administrator got a 403 from it)
        assertThat(mvc.perform(get("/users").session(sessions.get("SYS_ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("data-test=\"dormant-link\"");
        assertThat(mvc.perform(get("/users").session(sessions.get("SEC_ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain("data-test=\"dormant-link\"");
        mvc.perform(post("/users/" + liaison + "/roles").param("roles", "CADRE").with(csrf())
                .session(sessions.get("SYS_ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(post("/users/" + liaison + "/roles").param("roles", "CADRE").with(csrf())
                .session(sessions.get("SEC_ADMIN"))).andExpect(status().is3xxRedirection());
        assertThat(roles(liaison)).containsExactly("CADRE");
    }

    private static RequestBuilder withToken(RequestBuilder request, String token) {
        return ((org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request)
                .header("Authorization", token);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private int counter;

    private String unique() {
        return c.tag() + (counter++);
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    private List<String> roles(long id) {
        return jdbc.sql("SELECT role FROM user_role WHERE user_id = :id ORDER BY role").param("id", id)
                .query(String.class).list();
    }

    private String passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", id).query(String.class).single();
    }
}
