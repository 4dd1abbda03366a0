package org.gongjian.identity;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the POST is handled by Spring Security's form login. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@Nullable HttpSession session, Model model) {
        if (session != null && session.getAttribute("LOGIN_ERROR") != null) {
            model.addAttribute("loginError", session.getAttribute("LOGIN_ERROR"));
            session.removeAttribute("LOGIN_ERROR");
        }
        return "login";
    }
}
