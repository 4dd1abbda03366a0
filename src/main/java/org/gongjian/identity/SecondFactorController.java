package org.gongjian.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor in the UI: the code step after the password ({@code /login/code}) and enrolment of an
 * authenticator app ({@code /account/totp}), which an administrator without one is sent to at login and anyone
 * may do from 我的账号.
 */
@Controller
class SecondFactorController {

    private static final String SECRET = "TOTP_ENROLMENT_SECRET";

    private final LoginAuthenticationProvider logins;
    private final SecondFactor secondFactor;
    private final LoginSuccessHandler success;
    SecondFactorController(LoginAuthenticationProvider logins, SecondFactor secondFactor, LoginSuccessHandler success) {
        this.logins = logins;
        this.secondFactor = secondFactor;
        this.success = success;
    }

    @GetMapping(LoginStepsFilter.CODE_STEP)
    String codeForm() {
        return "identity/login-code";
    }

    @PostMapping(LoginStepsFilter.CODE_STEP)
    String code(@RequestParam(required = false) @Nullable String code, Model model, HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PendingSecondFactor pending)) {
            return "redirect:/";
        }
        try {
            Authentication full = logins.completeSecondFactor(pending, code);
            establish(full, request);
            success.remember(request, pending.user());
            var saved = success.savedPages().getRequest(request, response);
            success.savedPages().removeRequest(request, response);
            return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
        } catch (AuthenticationException e) {
            model.addAttribute("codeError", e.getMessage());
            return "identity/login-code";
        }
    }

    @GetMapping(LoginStepsFilter.ENROLMENT)
    String enrolForm(HttpSession session, Model model) {
        CurrentUser user = signedIn();
        String secret = (String) session.getAttribute(SECRET);
        if (secret == null) {
            secret = secondFactor.newSecret();
            session.setAttribute(SECRET, secret);
        }
        model.addAttribute("qrCode", secondFactor.qrCode(user.getUsername(), secret));
        model.addAttribute("secret", secret);
        model.addAttribute("enrolled", secondFactor.enrolled(user.id()));
        model.addAttribute("duringLogin", SecurityContextHolder.getContext().getAuthentication() instanceof PendingSecondFactor);
        return "identity/account-totp";
    }

    @PostMapping(LoginStepsFilter.ENROLMENT)
    String enrol(@RequestParam(required = false) @Nullable String code, HttpSession session, Model model,
                 HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        CurrentUser user = signedIn();
        String secret = (String) session.getAttribute(SECRET);
        if (secret == null) {
            return "redirect:" + LoginStepsFilter.ENROLMENT;
        }
        List<String> codes;
        try {
            codes = secondFactor.enrol(user, secret, code);
        } catch (InvalidInput e) {
            model.addAttribute("codeError", e.problems().get(0).message());
            return enrolForm(session, model);
        }
        session.removeAttribute(SECRET);
        if (SecurityContextHolder.getContext().getAuthentication() instanceof PendingSecondFactor pending) {
            Authentication full = logins.completeByEnrolment(pending);
            establish(full, request);
            success.remember(request, user);
            // the login ends on the recovery codes page, not on the saved page: drop it, or the next login would land there
            success.savedPages().removeRequest(request, response);
        }
        model.addAttribute("recoveryCodes", codes);
        return "identity/account-totp-codes";
    }

    /** The user at either step: fully signed in, or past the password and owing the second factor. */
    private static CurrentUser signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof PendingSecondFactor pending) {
            return pending.user();
        }
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return user;
        }
        throw new org.springframework.security.access.AccessDeniedException("未登录");
    }

    /** The full login replaces the pending one under a new session id (no fixation across the step). */
    private static void establish(Authentication full, HttpServletRequest request) {
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
}
