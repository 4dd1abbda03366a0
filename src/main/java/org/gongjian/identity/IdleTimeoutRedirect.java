package org.gongjian.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that carries a session which no longer exists — idle past {@code server.servlet.session.timeout}
 * (30 minutes by default) — lands on the login page with "长时间未操作" rather than on a bare login form or a
 * CSRF refusal of the form the user was filling in. The login and logout pages, static files and the unread
 * badge (which polls, and answers empty without a session) pass, so neither logging out nor an account
 * disabled mid-session is mistaken for a timeout.
 */
class IdleTimeoutRedirect extends OncePerRequestFilter {

    static final String TIMED_OUT = "/login?timeout";

    private static final String[] PASS = {"/login", "/logout", "/error", "/inbox/count", "/favicon.ico",
            "/webjars/", "/css/", "/js/", "/img/", "/actuator/"};

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid() && !passes(request)) {
            response.sendRedirect(request.getContextPath() + TIMED_OUT);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean passes(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String open : PASS) {
            if (path.startsWith(open)) {
                return true;
            }
        }
        return false;
    }
}
