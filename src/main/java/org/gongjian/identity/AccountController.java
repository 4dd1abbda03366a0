package org.gongjian.identity;

import org.gongjian.org.OrgService;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的账号: who I am in the system (person, post, roles, data scope) and changing my own password. */
@Controller
class AccountController {

    private final UserService users;
    private final OrgService org;

    AccountController(UserService users, OrgService org) {
        this.users = users;
        this.org = org;
    }

    @GetMapping("/account")
    String profile(@AuthenticationPrincipal CurrentUser user, DataScope scope, Model model) {
        model.addAttribute("person", user.personId() == null ? null : org.personUnscoped(user.personId()).orElse(null));
        model.addAttribute("scopeName", scope.unitId() == null ? null : org.unitName(scope.unitId()).orElse(null));
        model.addAttribute("roles", user.roles().stream().sorted().toList());
        model.addAttribute("username", user.getUsername());
        return "identity/account";
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "identity/account-password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal CurrentUser user,
                          @RequestParam(required = false) @Nullable String oldPassword,
                          @RequestParam(required = false) @Nullable String newPassword,
                          @RequestParam(required = false) @Nullable String confirmPassword,
                          Model model, RedirectAttributes redirect) {
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            model.addAttribute("errors", java.util.Map.of("confirmPassword", "两次输入的新密码不一致"));
            return "identity/account-password";
        }
        try {
            users.changeOwnPassword(user, oldPassword, newPassword);
        } catch (InvalidInput e) {
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            model.addAttribute("errors", errors);
            return "identity/account-password";
        } catch (DomainException e) {
            model.addAttribute("errors", java.util.Map.of("oldPassword", e.getMessage()));
            return "identity/account-password";
        }
        redirect.addFlashAttribute("message", "密码已修改。下次登录请使用新密码；此前签发的接口令牌已作废。");
        return "redirect:/account";
    }
}
