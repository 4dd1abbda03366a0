package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code /api/v1/users}: an administrator creates logins only inside its own scope, for cadres inside it; the
 * password is write-only and must be strong; bad input answers 400/409/422 problem+json; other roles get 403.
 */
class UserApiTests extends IntegrationTest {

    private static final String STRONG = "Hx7-Lantern-Q2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    UserService users;

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
    void adminCreatesUserInsideScopeAndNeverSeesThePassword() throws Exception {
        String username = "new" + c.tag();
        String body = create(admin, json(username, STRONG, c.cadreA().id(), "[\"LIAISON\"]", c.townshipA().id()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/users/")))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles[0]").value("LIAISON"))
                .andExpect(jsonPath("$.scopeUnitId").value(c.townshipA().id()))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain(STRONG).doesNotContain("{bcrypt}");
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u").param("u", username)
                .query(String.class).single()).startsWith("{bcrypt}").doesNotContain(STRONG);
    }

    @Test
    void createdUserCanLogIn() throws Exception {
        String username = "login" + c.tag();
        create(admin, json(username, STRONG, c.cadreA().id(), "[\"LIAISON\"]", c.townshipA().id()))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/me").header("Authorization", Logins.token(mvc, username, STRONG)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scopeUnitId").value(c.townshipA().id()))
                .andExpect(jsonPath("$.personName").value(c.cadreA().name()));
    }

    @Test
    void scopeOrPersonOutsideTheAdminsScopeAnswers404AndCreatesNothing() throws Exception {
        County other = fixtures.county();
        String username = "out" + c.tag();
        create(admin, json(username, STRONG, null, "[\"LIAISON\"]", other.townshipA().id()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        create(admin, json(username, STRONG, other.cadreA().id(), "[\"LIAISON\"]", c.townshipA().id()))
                .andExpect(status().isNotFound());

        String townshipAdmin = Logins.token(mvc, fixtures.user("ta" + c.tag(), c.townshipA(), Role.ADMIN));
        create(townshipAdmin, json(username, STRONG, null, "[\"ADMIN\"]", c.county().id()))
                .andExpect(status().isNotFound());
        assertThat(users.exists(username)).isFalse();
    }

    @Test
    void personOutsideTheChosenScopeAnswers422() throws Exception {
        create(admin, json("pb" + c.tag(), STRONG, c.cadreB().id(), "[\"LIAISON\"]", c.townshipA().id()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("personId"));
    }

    @Test
    void duplicateUsernameAnswers409() throws Exception {
        create(admin, json(c.liaisonAUser(), STRONG, null, "[\"LIAISON\"]", c.townshipA().id()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("已存在")));
    }

    @Test
    void weakPasswordAnswers422OnThePasswordField() throws Exception {
        for (String weak : new String[] {"12345678", "Admin-123", "weak" + c.tag() + "-X1"}) {
            create(admin, json("weak" + c.tag(), weak, null, "[\"LIAISON\"]", c.townshipA().id()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("password"));
        }
        assertThat(users.exists("weak" + c.tag())).isFalse();
    }

    @Test
    void missingFieldsAnswer400WithFieldErrors() throws Exception {
        create(admin, "{\"username\":\"nr" + c.tag() + "\",\"password\":\"" + STRONG + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("scopeUnitId")));
    }

    @Test
    void wrongTypesAnswer400ProblemJson() throws Exception {
        for (String body : new String[] {json("t1" + c.tag(), STRONG, null, "[\"NOPE\"]", c.townshipA().id()),
                "{\"username\":\"t2" + c.tag() + "\",\"password\":\"" + STRONG + "\",\"roles\":[\"LIAISON\"],"
                        + "\"scopeUnitId\":\"abc\"}",
                "{\"username\":", "[]"}) {
            create(admin, body).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400));
        }
    }

    @Test
    void injectionInUsernameIsRejectedByThePattern() throws Exception {
        long before = userCount();
        for (String username : new String[] {"a'; DROP TABLE app_user;--", "x\" OR \"1\"=\"1", "<script>x</script>"}) {
            create(admin, json(username.replace("\"", "\\\""), STRONG, null, "[\"LIAISON\"]", c.townshipA().id()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("username"));
        }
        assertThat(userCount()).isEqualTo(before);
        mvc.perform(get("/api/v1/users").param("q", "' OR '1'='1").header("Authorization", admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/users").param("q", "%").header("Authorization", admin))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void nonAdminsGet403() throws Exception {
        for (String user : new String[] {c.orgDeptUser(), c.leaderUser(), c.liaisonAUser()}) {
            String token = Logins.token(mvc, user);
            mvc.perform(get("/api/v1/users").header("Authorization", token)).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            create(token, json("nope" + c.tag(), STRONG, null, "[\"ADMIN\"]", c.county().id()))
                    .andExpect(status().isForbidden());
        }
        assertThat(users.exists("nope" + c.tag())).isFalse();
    }

    @Test
    void listsOnlyUsersInScope() throws Exception {
        County other = fixtures.county();
        mvc.perform(get("/api/v1/users").param("q", c.tag()).header("Authorization", admin))
                .andExpect(jsonPath("$.total").value(6));
        mvc.perform(get("/api/v1/users").param("q", other.tag()).header("Authorization", admin))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/users").param("q", "testadmin").header("Authorization", admin))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/users/" + userId(other.adminUser())).header("Authorization", admin))
                .andExpect(status().isNotFound());

        String townshipAdmin = Logins.token(mvc, fixtures.user("ta" + c.tag(), c.townshipA(), Role.ADMIN));
        mvc.perform(get("/api/v1/users").param("q", c.tag()).param("size", "200").header("Authorization", townshipAdmin))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].username", hasItem(c.liaisonAUser())))
                .andExpect(jsonPath("$.items[*].username", not(hasItem(c.liaisonBUser()))))
                .andExpect(jsonPath("$.items[*].username", not(hasItem(c.adminUser()))));
        mvc.perform(get("/api/v1/users/" + userId(c.liaisonBUser())).header("Authorization", townshipAdmin))
                .andExpect(status().isNotFound());
    }

    private ResultActions create(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/users").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String json(String username, String password, Long personId, String roles, long scopeUnitId) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"personId\":" + personId
                + ",\"roles\":" + roles + ",\"scopeUnitId\":" + scopeUnitId + "}";
    }

    private long userCount() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }
}
