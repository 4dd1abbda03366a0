package org.gongjian.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a UI session on the steps a login still owes, checked on every request (one read of the user, which also
 * ends the session of an account an administrator has disabled): a second factor not yet given goes to the code
 * step or, without an authenticator, to enrolment; an initial, reset or expired password goes to the change page;
 * a session whose roles the security administrator changed ends.
 */
class LoginStepsFilter extends OncePerRequestFilter {

    static final String CODE_STEP = "/login/code";
    static final String ENROLMENT = "/account/totp";
    static final String PASSWORD_CHANGE = "/account/password";

    private static final Set<String> ALWAYS_OPEN = Set.of("/logout", "/error", "/favicon.ico", "/inbox/count");
    private static final String[] STATIC = {"/webjars/", "/css/", "/js/", "/img/"};

    private final UserStore users;
    private final LoginSettings settings;
    private final Clock clock;

    LoginStepsFilter(UserStore users, LoginSettings settings, Clock clock) {
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (open(path) || auth == null) {
            chain.doFilter(request, response);
            return;
        }
        if (auth instanceof PendingSecondFactor pending) {
            String step = pending.enrolled() ? CODE_STEP : ENROLMENT;
            if (path.equals(step)) {
                chain.doFilter(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + step);
            }
            return;
        }
        if (auth.getPrincipal() instanceof CurrentUser user) {
            // Disabled, or roles changed by the security administrator (三员分立: new roles need a new login).
            var row = users.findById(user.id()).filter(u -> u.enabled() && u.roles().equals(user.roles()));
            if (row.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?disabled");
                return;
            }
            if (row.get().passwordChangeDue(clock.instant(), settings.passwordMaxAge())
                    && !path.equals(PASSWORD_CHANGE) && !path.equals(ENROLMENT)) {
                response.sendRedirect(request.getContextPath() + PASSWORD_CHANGE + "?due");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean open(String path) {
        if (ALWAYS_OPEN.contains(path) || path.equals("/login")) {
            return true;
        }
        for (String prefix : STATIC) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
