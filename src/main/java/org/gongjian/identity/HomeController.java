package org.gongjian.identity;

import java.util.Locale;

import org.gongjian.org.OrgService;
import org.gongjian.shared.DataScope;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after login: who you are, what you can see, where to go. */
@Controller
class HomeController {

    private final OrgService org;
    private final MessageSource messages;

    HomeController(OrgService org, MessageSource messages) {
        this.org = org;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, DataScope scope, Locale locale, Model model) {
        model.addAttribute("scopeName", scope.unitId() == null ? null : org.unitName(scope.unitId()).orElse(null));
        model.addAttribute("roleLabels", user.roles().stream().sorted()
                .map(r -> messages.getMessage("enum.Role." + r.name(), null, r.label(), locale)).toList());
        return "home";
    }
}
