package org.gongjian.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Real logins for tests: the form login (returns the session) and the token endpoint (returns the token). */
public final class Logins {

    private Logins() {
    }

    public static MockHttpSession session(MockMvc mvc, String username) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username)
                        .param("password", OrgFixtures.PASSWORD).with(csrf()))
                .andReturn();
        if (result.getResponse().getStatus() != 302 || result.getResponse().getRedirectedUrl().contains("error")) {
            throw new IllegalStateException("login failed for " + username + ": " + result.getResponse().getRedirectedUrl());
        }
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    public static String token(MockMvc mvc, String username) throws Exception {
        return token(mvc, username, OrgFixtures.PASSWORD);
    }

    public static String token(MockMvc mvc, String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andReturn().getResponse().getContentAsString();
        int start = body.indexOf("\"token\":\"") + 9;
        if (start < 9) {
            throw new IllegalStateException("no token for " + username + ": " + body);
        }
        return "Bearer " + body.substring(start, body.indexOf('"', start));
    }
}
