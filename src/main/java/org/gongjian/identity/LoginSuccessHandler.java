package org.gongjian.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * After the password: a login that owes a second factor goes to the code step (or to enrolment); a complete one
 * records this login and leaves the previous one in the session for the banner (上次登录), then goes where the
 * user was headed.
 */
@Component
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String LAST_LOGIN_NOTICE = "LAST_LOGIN_NOTICE";

    private final LoginAuthenticationProvider logins;
    private final Clock clock;
    /**
     * The page asked for before the login, kept in a cookie rather than a session: a logged-out visitor is stored
     * nowhere (SecurityConfig). Shared with the second-factor step, which finishes such a login.
     */
    private final RequestCache savedPages = pagesOnly(new CookieRequestCache());

    LoginSuccessHandler(LoginAuthenticationProvider logins, Clock clock) {
        this.logins = logins;
        this.clock = clock;
        setDefaultTargetUrl("/");
        setAlwaysUseDefaultTargetUrl(false);
        setRequestCache(savedPages);
    }

    /**
     * Only a page a person opened is worth returning to: a GET asking for HTML, not a form's POST (it would come back
     * as a GET of an action), an htmx or script request, or a poll — what Spring's own default cache keeps.
     */
    private static CookieRequestCache pagesOnly(CookieRequestCache cache) {
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && (request.getHeader("Accept") == null || request.getHeader("Accept").contains("text/html")));
        return cache;
    }

    RequestCache savedPages() {
        return savedPages;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        if (authentication instanceof PendingSecondFactor pending) {
            String step = pending.enrolled() ? LoginStepsFilter.CODE_STEP : LoginStepsFilter.ENROLMENT;
            response.sendRedirect(request.getContextPath() + step);
            return;
        }
        remember(request, (CurrentUser) authentication.getPrincipal());
        super.onAuthenticationSuccess(request, response, authentication);
    }

    /** Records the login; the notice of the one before it is shown once on the next page. */
    void remember(HttpServletRequest request, CurrentUser user) {
        var previous = logins.recordLogin(user, clock.instant());
        String notice = previous.map(last -> "上次登录：" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .withZone(clock.getZone()).format(last.at())
                        + (last.address() == null ? "" : "，来自 " + last.address())
                        + "。如非本人操作，请立即修改密码并报告管理员。")
                .orElse("这是您首次登录本系统。");
        request.getSession().setAttribute(LAST_LOGIN_NOTICE, notice);
    }
}
