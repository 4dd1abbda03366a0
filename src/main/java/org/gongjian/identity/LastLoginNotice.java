package org.gongjian.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.gongjian.web.PageInterceptors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the previous login (time and address) on the first page rendered after a login, once: the layout's banner.
 * An interceptor on rendered views rather than a {@code @ModelAttribute} advice, which Spring MVC evaluated for every
 * API call too (2–3 % of an approval's CPU in the issue #18 profile); and the notice is taken from the session only
 * when a page is drawn, so a redirect or an htmx fragment does not use it up.
 */
@Component
class LastLoginNotice implements HandlerInterceptor, WebMvcConfigurer {

    static final String MODEL_KEY = "lastLoginNotice";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        PageInterceptors.register(registry, this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           @Nullable ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))
                || "true".equals(request.getHeader("HX-Request"))) {
            return;
        }
        HttpSession session = request.getSession(false);
        Object notice = session == null ? null : session.getAttribute(LoginSuccessHandler.LAST_LOGIN_NOTICE);
        if (notice != null) {
            session.removeAttribute(LoginSuccessHandler.LAST_LOGIN_NOTICE);
            view.addObject(MODEL_KEY, notice.toString());
        }
    }
}
