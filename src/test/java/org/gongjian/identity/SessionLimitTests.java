package org.gongjian.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * At most three UI sessions per user (the shipped {@code gongjian.session.max-per-user}): a fourth login ends the
 * least recently used one, whose next request lands on the login page saying why; the others go on. Counted per user
 * name. Here the registry is the in-memory one of the test profile; {@code SessionsAcrossNodesTests} does the same
 * across two nodes on the database, with an administrator's second-factor step (whose session id changes, which
 * MockMvc's sessions don't report).
 */
class SessionLimitTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;

    @Test
    void aFourthLoginEndsTheLeastRecentlyUsedSessionOnly() throws Exception {
        County c = fixtures.county();
        String liaison = c.liaisonAUser();
        MockHttpSession first = Logins.session(mvc, liaison);
        MockHttpSession second = Logins.session(mvc, liaison);
        MockHttpSession third = Logins.session(mvc, liaison);
        // The first is used again, so the second is now the least recently used.
        mvc.perform(get("/").session(first)).andExpect(status().isOk());
        MockHttpSession fourth = Logins.session(mvc, liaison);

        mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login?expired"));
        for (MockHttpSession alive : new MockHttpSession[] {first, third, fourth}) {
            mvc.perform(get("/").session(alive)).andExpect(status().isOk());
        }
        // Another user's sessions are not counted with these.
        MockHttpSession other = Logins.session(mvc, c.liaisonBUser());
        mvc.perform(get("/").session(other)).andExpect(status().isOk());
        mvc.perform(get("/").session(first)).andExpect(status().isOk());
    }

    /**
     * The unread badge polls every minute while a page is open, and each poll would renew the session. The session
     * still ends once the user's own last request is longer ago than the idle timeout (60 s here; the time of that
     * request is moved back instead of waiting).
     */
    @Test
    void theBadgePollDoesNotKeepAnIdleSessionAlive() throws Exception {
        MockHttpSession session = Logins.session(mvc, fixtures.county().liaisonAUser());
        session.setMaxInactiveInterval(60);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        session.setAttribute(IdleTimeoutRedirect.LAST_ACTIVITY, System.currentTimeMillis() - 50_000);
        Object before = session.getAttribute(IdleTimeoutRedirect.LAST_ACTIVITY);
        mvc.perform(get("/inbox/count").session(session)).andExpect(status().isOk());
        assertThat(session.getAttribute(IdleTimeoutRedirect.LAST_ACTIVITY)).as("a poll is not use").isEqualTo(before);

        session.setAttribute(IdleTimeoutRedirect.LAST_ACTIVITY, System.currentTimeMillis() - 61_000);
        mvc.perform(get("/inbox/count").session(session)).andExpect(status().isOk());
        assertThat(session.isInvalid()).as("a poll after the timeout ends the session").isTrue();
    }

    /** A page request counts as use and starts the idle time again; past the timeout it lands on /login?timeout. */
    @Test
    void aPageRequestRestartsTheIdleTimeAndPastItLandsOnTheNotice() throws Exception {
        MockHttpSession session = Logins.session(mvc, fixtures.county().liaisonAUser());
        session.setMaxInactiveInterval(60);
        session.setAttribute(IdleTimeoutRedirect.LAST_ACTIVITY, System.currentTimeMillis() - 59_000);
        long before = System.currentTimeMillis();
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat((Long) session.getAttribute(IdleTimeoutRedirect.LAST_ACTIVITY)).isGreaterThanOrEqualTo(before);

        session.setAttribute(IdleTimeoutRedirect.LAST_ACTIVITY, System.currentTimeMillis() - 61_000);
        mvc.perform(get("/reports").session(session)).andExpect(redirectedUrl("/login?timeout"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void theLoginPageSaysWhyASessionEnded() throws Exception {
        mvc.perform(get("/login").param("expired", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("您的账号已在别处登录")));
        mvc.perform(get("/login").param("timeout", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("长时间未操作，已自动退出")));
    }
}
