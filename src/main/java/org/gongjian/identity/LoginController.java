package org.gongjian.identity;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page; the POST is handled by Spring Security's form login. Why a login failed travels in the address
 * ({@code /login?error=…}), never in a session: a logged-out visitor, failing or not, is stored nowhere. Only known
 * reasons are shown, in words chosen here — the address cannot put text of its own on the page.
 */
@Controller
class LoginController {

    /** The longest wait the page will quote: a longer one in a hand-made address is shown as this. */
    private static final long LONGEST_WAIT_SECONDS = 24 * 3600;

    /** The query of the login page that says why this login failed. */
    static String failure(AuthenticationException e) {
        if (e instanceof LoginThrottledException throttled) {
            return "error=throttled&wait=" + throttled.retryAfterSeconds();
        }
        if (e instanceof DisabledException) {
            return "error=disabled";
        }
        if (e instanceof AuthenticationServiceException) {
            return "error=unavailable";
        }
        return "error";
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        if (request.getParameterMap().containsKey("error")) {   // a plain ?error has no value
            String error = request.getParameter("error");
            model.addAttribute("loginError", message(error == null ? "" : error, request.getParameter("wait")));
        }
        return "login";
    }

    private static String message(String error, @Nullable String wait) {
        return switch (error) {
            case "throttled" -> new LoginThrottledException(Duration.ofSeconds(seconds(wait))).getMessage();
            case "disabled" -> LoginAuthenticationProvider.DISABLED;
            case "unavailable" -> "登录服务暂时不可用";
            default -> LoginAuthenticationProvider.BAD_CREDENTIALS;
        };
    }

    private static long seconds(@Nullable String wait) {
        try {
            return Math.min(LONGEST_WAIT_SECONDS, Math.max(1, Long.parseLong(wait == null ? "" : wait)));
        } catch (NumberFormatException e) {
            return 60;
        }
    }
}
