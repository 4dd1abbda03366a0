package org.gongjian.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that carries a session which no longer exists — idle past {@code server.servlet.session.timeout}
 * (30 minutes by default) — lands on the login page with "长时间未操作" rather than on a bare login form or a
 * CSRF refusal of the form the user was filling in. The login and logout pages, static files and the unread
 * badge (which polls, and answers empty without a session) pass, so neither logging out nor an account
 * disabled mid-session is mistaken for a timeout.
 * <p>
 * The badge's poll (every minute while a page is open) would keep the session alive for ever: every request
 * renews it. So the session also remembers when it last saw a request that was not such a poll or a static
 * file, and ends once that is longer ago than the idle timeout, whatever the polls did in between.
 */
class IdleTimeoutRedirect extends OncePerRequestFilter {

    static final String TIMED_OUT = "/login?timeout";

    /** Epoch milliseconds of the session's last request by the user (not a badge poll, not a static file). */
    static final String LAST_ACTIVITY = IdleTimeoutRedirect.class.getName() + ".LAST_ACTIVITY";

    /**
     * Requests this close together don't rewrite the time (a database session would write it on every one): a tenth
     * of the idle timeout, at most 10 seconds, so the session may end that much before the full timeout.
     */
    private static final long REWRITE_AFTER_MILLIS = 10_000;

    private static final String[] PASS = {"/login", "/logout", "/error", "/inbox/count", "/favicon.ico",
            "/webjars/", "/css/", "/js/", "/img/", "/actuator/"};

    private static final String[] NOT_ACTIVITY = {"/inbox/count", "/favicon.ico", "/webjars/", "/css/", "/js/",
            "/img/", "/actuator/"};

    /** Wall time, as the session store's own expiry (not the application's clock, which tests move by days). */
    private final Clock clock = Clock.systemUTC();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid() && !startsWithAny(path, PASS)) {
            response.sendRedirect(request.getContextPath() + TIMED_OUT);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && idleTooLong(session, path)) {
            session.invalidate();
            if (startsWithAny(path, PASS)) {
                chain.doFilter(request, response); // the poll answers as without a session
            } else {
                response.sendRedirect(request.getContextPath() + TIMED_OUT);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the user's last own request is longer ago than the idle timeout; otherwise records this one. */
    private boolean idleTooLong(HttpSession session, String path) {
        long now = clock.millis();
        Object last = session.getAttribute(LAST_ACTIVITY);
        int idleSeconds = session.getMaxInactiveInterval();
        if (last instanceof Long at && idleSeconds > 0 && now - at > idleSeconds * 1000L) {
            return true;
        }
        boolean activity = !startsWithAny(path, NOT_ACTIVITY);
        long rewriteAfter = Math.min(REWRITE_AFTER_MILLIS, idleSeconds * 100L);
        if (activity && (!(last instanceof Long at) || now - at >= rewriteAfter)) {
            session.setAttribute(LAST_ACTIVITY, now);
        }
        return false;
    }

    private static boolean startsWithAny(String path, String[] prefixes) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
