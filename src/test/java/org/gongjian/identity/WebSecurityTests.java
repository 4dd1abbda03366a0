package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The UI chain's defences (CSRF, strict CSP with no inline script, framing and sniffing headers, session fixation,
 * logout) and the public operational endpoints.
 */
class WebSecurityTests extends IntegrationTest {

    /** A script element without src, an inline event handler, or a style attribute: all blocked by our CSP. */
    private static final Pattern INLINE = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|\\sstyle\\s*=",
            Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    County c;

    @BeforeEach
    void county() {
        c = fixtures.county();
    }

    @Test
    void loginWithoutCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/login").param("username", c.liaisonAUser()).param("password", OrgFixtures.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void uiPagesSendStrictSecurityHeadersAndNoInlineScript() throws Exception {
        MockHttpSession session = Logins.session(mvc, c.adminUser());
        for (RequestBuilder request : new RequestBuilder[] {get("/login"),
                get("/").session(session), get("/units").session(session)}) {
            MvcResult result = mvc.perform(request).andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                            not(containsString("unsafe-inline")), not(containsString("unsafe-eval")),
                            containsString("frame-ancestors 'none'"))))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andReturn();
            assertThat(INLINE.matcher(result.getResponse().getContentAsString()).results().map(m -> m.group()))
                    .as("inline script or style in %s", result.getRequest().getRequestURI()).isEmpty();
        }
    }

    @Test
    void loginChangesTheSessionId() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();

        MvcResult result = mvc.perform(post("/login").session(session).param("username", c.liaisonAUser())
                        .param("password", OrgFixtures.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn();

        MockHttpSession after = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(before);
        mvc.perform(get("/").session(after)).andExpect(status().isOk());
    }

    @Test
    void logoutNeedsCsrfAndInvalidatesTheSession() throws Exception {
        MockHttpSession session = Logins.session(mvc, c.liaisonAUser());
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        assertThat(session.isInvalid()).isFalse();

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    @Test
    void healthIsPublicAndUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void prometheusServesJvmMetricsToAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/prometheus").session(org.gongjian.support.Logins.session(mvc, c.liaisonAUser())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").session(org.gongjian.support.Logins.session(mvc, c.adminUser())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }
}
