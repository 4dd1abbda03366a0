package org.gongjian.workbench;

import org.gongjian.identity.CurrentUser;
import org.gongjian.shared.DataScope;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page after login is the user's 工作台. */
@Controller
class WorkbenchController {

    private final Workbench workbench;

    WorkbenchController(Workbench workbench) {
        this.workbench = workbench;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        model.addAttribute("home", workbench.home(user, scope));
        return "workbench/home";
    }
}
