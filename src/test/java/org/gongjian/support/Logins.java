package org.gongjian.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Real logins for tests: the form login (returns the session) and the token endpoint (returns the token). Both
 * send the code of the fixtures' authenticator secret, which only administrators are asked for.
 */
public final class Logins {

    private Logins() {
    }

    /** The form login; an administrator then gives the code of the fixtures' authenticator at the code step. */
    public static MockHttpSession session(MockMvc mvc, String username) throws Exception {
        return sessionWith(mvc, username, OrgFixtures.PASSWORD);
    }

    public static MockHttpSession sessionWith(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username)
                        .param("password", password).with(csrf()))
                .andReturn();
        if (result.getResponse().getStatus() != 302 || result.getResponse().getRedirectedUrl().contains("error")) {
            throw new IllegalStateException("login failed for " + username + ": " + result.getResponse().getRedirectedUrl());
        }
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        if (result.getResponse().getRedirectedUrl().endsWith("/login/code")) {
            MvcResult code = mvc.perform(post("/login/code").param("code", code(mvc, username)).session(session)
                    .with(csrf())).andReturn();
            if (code.getResponse().getStatus() != 302) {
                throw new IllegalStateException("code step failed for " + username);
            }
            session = (MockHttpSession) code.getRequest().getSession(false);
        }
        return session;
    }

    /**
     * The code by the clock of the application behind this MockMvc, not whichever test context started last. The
     * test clock stands still, so every login of a test would send the same code, which the application accepts only
     * once per user (replay protection, SecondFactorTests); each helper login stands for a new code read from the
     * phone later, so the user's last used time step is forgotten first.
     */
    private static String code(MockMvc mvc, String username) {
        var context = mvc.getDispatcherServlet().getWebApplicationContext();
        if (context != null && context.getBeanNamesForType(MutableClock.class).length == 1) {
            context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                    UPDATE user_totp SET last_step = NULL
                    WHERE user_id = (SELECT id FROM app_user WHERE username = :username)""")
                    .param("username", username).update();
            return OrgFixtures.totpCode(context.getBean(MutableClock.class));
        }
        return OrgFixtures.totpCode();
    }

    public static String token(MockMvc mvc, String username) throws Exception {
        return token(mvc, username, OrgFixtures.PASSWORD);
    }

    public static String token(MockMvc mvc, String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password
                                + "\",\"code\":\"" + code(mvc, username) + "\"}"))
                .andReturn().getResponse().getContentAsString();
        int start = body.indexOf("\"token\":\"") + 9;
        if (start < 9) {
            throw new IllegalStateException("no token for " + username + ": " + body);
        }
        return "Bearer " + body.substring(start, body.indexOf('"', start));
    }
}
