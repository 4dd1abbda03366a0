package org.gongjian.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The CSRF token of a visitor without a session lives in a cookie (the login page stores nothing); once there is a
 * session the token is the session's, and a cookie — one a sibling site could plant — is not even read.
 */
class LoginCsrfTokensTests {

    private final LoginCsrfTokens tokens = new LoginCsrfTokens();

    @Test
    void withoutASessionTheTokenGoesToAnHttpOnlySameSiteCookieAndNoSessionIsMade() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        MockHttpServletResponse response = new MockHttpServletResponse();
        CsrfToken token = tokens.generateToken(request);

        tokens.saveToken(token, request, response);

        assertThat(request.getSession(false)).isNull();
        Cookie cookie = response.getCookie("XSRF-TOKEN");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo(token.getToken());
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");

        MockHttpServletRequest next = new MockHttpServletRequest("POST", "/login");
        next.setCookies(cookie);
        assertThat(tokens.loadToken(next).getToken()).isEqualTo(token.getToken());
    }

    @Test
    void withASessionOnlyTheSessionsTokenCountsAndAPlantedCookieIsIgnored() {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        CsrfToken token = tokens.generateToken(request);
        MockHttpServletResponse response = new MockHttpServletResponse();
        tokens.saveToken(token, request, response);
        assertThat(response.getCookie("XSRF-TOKEN")).as("no cookie for a session's token").isNull();

        MockHttpServletRequest forged = new MockHttpServletRequest("POST", "/inbox/read-all");
        forged.setSession(session);
        forged.setCookies(new Cookie("XSRF-TOKEN", "planted-by-a-sibling-site"));
        assertThat(tokens.loadToken(forged).getToken()).isEqualTo(token.getToken());

        MockHttpServletRequest sessionWithoutToken = new MockHttpServletRequest("POST", "/inbox/read-all");
        sessionWithoutToken.setSession(new MockHttpSession());
        sessionWithoutToken.setCookies(new Cookie("XSRF-TOKEN", "planted-by-a-sibling-site"));
        assertThat(tokens.loadToken(sessionWithoutToken)).isNull();
    }

    @Test
    void clearingAtLoginOrLogoutClearsTheSessionsTokenAndTheCookie() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setSession(new MockHttpSession());
        tokens.saveToken(tokens.generateToken(request), request, new MockHttpServletResponse());
        MockHttpServletResponse response = new MockHttpServletResponse();

        tokens.saveToken(null, request, response);

        assertThat(tokens.loadToken(request)).isNull();
        assertThat(response.getCookie("XSRF-TOKEN")).isNotNull();
        assertThat(response.getCookie("XSRF-TOKEN").getMaxAge()).isZero();
    }
}
