package org.gongjian.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the POST is handled by Spring Security's form login. */
@Controller
class LoginController {

    /**
     * Reads the session only if there is one: an {@code HttpSession} parameter would make one (and a row in the
     * session store) for every visit of the login page.
     */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute("LOGIN_ERROR") != null) {
            model.addAttribute("loginError", session.getAttribute("LOGIN_ERROR"));
            session.removeAttribute("LOGIN_ERROR");
        }
        return "login";
    }
}
