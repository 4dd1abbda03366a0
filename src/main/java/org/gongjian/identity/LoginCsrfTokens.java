package org.gongjian.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where the UI's CSRF token lives: in the session once there is one (a logged-in user's token is bound to the session,
 * which a cookie planted by a sibling site cannot imitate), and before that — the login form of a visitor who has no
 * session — in an HttpOnly same-site cookie, so that showing the login page stores nothing on the server. The login
 * itself clears both and the next page gets a fresh token in the new session.
 */
final class LoginCsrfTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();   // HttpOnly

    LoginCsrfTokens() {
        cookie.setCookieCustomizer(c -> c.sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return hasSession(request) ? session.generateToken(request) : cookie.generateToken(request);
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (hasSession(request)) {
            session.saveToken(token, request, response);
        }
        if (token == null || !hasSession(request)) {
            cookie.saveToken(token, request, response);   // cleared at login and logout; set only without a session
        }
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        return hasSession(request) ? session.loadToken(request) : cookie.loadToken(request);
    }

    private static boolean hasSession(HttpServletRequest request) {
        return request.getSession(false) != null;
    }
}
