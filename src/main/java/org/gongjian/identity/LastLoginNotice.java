package org.gongjian.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the previous login (time and address) on the first page after a login, once: the layout's banner. */
@ControllerAdvice
class LastLoginNotice {

    @ModelAttribute("lastLoginNotice")
    @Nullable String lastLoginNotice(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || "true".equals(request.getHeader("HX-Request"))) {
            return null;
        }
        Object notice = session.getAttribute(LoginSuccessHandler.LAST_LOGIN_NOTICE);
        if (notice == null) {
            return null;
        }
        session.removeAttribute(LoginSuccessHandler.LAST_LOGIN_NOTICE);
        return notice.toString();
    }
}
