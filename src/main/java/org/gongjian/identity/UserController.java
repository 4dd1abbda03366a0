package org.gongjian.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonView;
import org.gongjian.org.UnitView;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accounts for administrators: the list of users in scope, and "开通账号" for a cadre — the scope is the cadre's
 * unit or one of its superiors, never wider than the administrator's own.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SYS_ADMIN', 'SEC_ADMIN')")
class UserController {

    record UserRow(UserView user, @Nullable String personName, @Nullable String scopeName) {}

    private final UserService users;
    private final OrgService org;
    private final Validator validator;

    UserController(UserService users, OrgService org, Validator validator) {
        this.users = users;
        this.org = org;
        this.validator = validator;
    }

    @GetMapping("/users")
    @PersonalDataRead("user-list")
    String list(@RequestParam(required = false) @Nullable String q,
                @RequestParam(required = false) @Nullable Integer page,
                @org.springframework.security.core.annotation.AuthenticationPrincipal CurrentUser user,
                DataScope scope, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("canAccounts", user.has(Role.ADMIN) || user.has(Role.SYS_ADMIN));
        model.addAttribute("canRoles", user.has(Role.ADMIN) || user.has(Role.SEC_ADMIN));
        model.addAttribute("users", users.users(q, scope, PageQuery.of(page, 50)).map(u -> new UserRow(u,
                u.personId() == null ? null : org.personUnscoped(u.personId()).map(PersonView::name).orElse(null),
                u.scopeUnitId() == null ? null : org.unitName(u.scopeUnitId()).orElse(null))));
        return "identity/user-list";
    }

    /** 长期未使用的账号: accounts in scope nobody has used for the dormant period, to be disabled. */
    @GetMapping("/users/dormant")
    @PersonalDataRead("user-list")
    String dormant(DataScope scope, Model model) {
        model.addAttribute("accounts", users.dormant(scope));
        model.addAttribute("days", users.dormantAfter().toDays());
        model.addAttribute("zone", users.zone());
        return "identity/user-dormant";
    }

    @GetMapping("/users/{id}/roles")
    @PersonalDataRead("user-roles")
    @PreAuthorize("hasAnyRole('ADMIN', 'SEC_ADMIN')")
    String rolesForm(@org.springframework.web.bind.annotation.PathVariable long id, DataScope scope, Model model) {
        model.addAttribute("account", users.user(id, scope));
        model.addAttribute("roles", Role.values());
        return "identity/user-roles";
    }

    @PostMapping("/users/{id}/roles")
    @PreAuthorize("hasAnyRole('ADMIN', 'SEC_ADMIN')")
    String roles(@org.springframework.web.bind.annotation.PathVariable long id,
                 @RequestParam(required = false) @Nullable Set<Role> roles,
                 @org.springframework.security.core.annotation.AuthenticationPrincipal CurrentUser by,
                 DataScope scope, RedirectAttributes redirect) {
        return act(() -> users.setRoles(id, roles == null ? Set.of() : roles, by, scope), "已修改角色", redirect);
    }

    @PostMapping("/users/{id}/disable")
    @PreAuthorize("hasAnyRole('ADMIN', 'SYS_ADMIN')")
    String disable(@org.springframework.web.bind.annotation.PathVariable long id,
                   @org.springframework.security.core.annotation.AuthenticationPrincipal CurrentUser admin,
                   DataScope scope, RedirectAttributes redirect) {
        return act(() -> users.setEnabled(id, false, admin, scope), "已停用账号", redirect);
    }

    @PostMapping("/users/{id}/enable")
    @PreAuthorize("hasAnyRole('ADMIN', 'SYS_ADMIN')")
    String enable(@org.springframework.web.bind.annotation.PathVariable long id,
                  @org.springframework.security.core.annotation.AuthenticationPrincipal CurrentUser admin,
                  DataScope scope, RedirectAttributes redirect) {
        return act(() -> users.setEnabled(id, true, admin, scope), "已启用账号", redirect);
    }

    @PostMapping("/users/{id}/unlock")
    @PreAuthorize("hasAnyRole('ADMIN', 'SEC_ADMIN')")
    String unlock(@org.springframework.web.bind.annotation.PathVariable long id, DataScope scope,
                  RedirectAttributes redirect) {
        return act(() -> users.unlock(id, scope), "已解除锁定", redirect);
    }

    @PostMapping("/users/{id}/password")
    @PreAuthorize("hasAnyRole('ADMIN', 'SYS_ADMIN')")
    String password(@org.springframework.web.bind.annotation.PathVariable long id,
                    @RequestParam(defaultValue = "") String password,
                    @org.springframework.security.core.annotation.AuthenticationPrincipal CurrentUser by,
                    DataScope scope, RedirectAttributes redirect) {
        return act(() -> users.resetPassword(id, password, by, scope), "已重置密码，请当面告知本人", redirect);
    }

    private String act(java.util.function.Supplier<UserView> action, String done, RedirectAttributes redirect) {
        try {
            UserView user = action.get();
            redirect.addFlashAttribute("message", done + "：" + user.username());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.problems().get(0).message());
        } catch (org.gongjian.shared.Forbidden e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/users";
    }

    @GetMapping("/users/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'SYS_ADMIN')")
    String newUser(@RequestParam long personId, DataScope scope, Model model) {
        PersonView person = org.person(personId, scope);
        UserForm form = new UserForm();
        form.setPersonId(person.id());
        form.setScopeUnitId(person.unitId());
        return form(form, person, scope, model);
    }

    @PostMapping("/users")
    @PreAuthorize("hasAnyRole('ADMIN', 'SYS_ADMIN')")
    String create(@ModelAttribute("form") UserForm form, BindingResult errors,
                  @org.springframework.security.core.annotation.AuthenticationPrincipal CurrentUser by,
                  DataScope scope, Model model, RedirectAttributes redirect) {
        PersonView person = org.person(form.getPersonId() == null ? -1 : form.getPersonId(), scope);
        Set<ConstraintViolation<UserCommand>> violations = validator.validate(form.toCommand());
        violations.forEach(v -> errors.rejectValue(v.getPropertyPath().toString(), "invalid", v.getMessage()));
        if (!errors.hasErrors()) {
            try {
                UserView user = users.create(form.toCommand(), by, scope);
                redirect.addFlashAttribute("message", "已为" + person.name() + "开通账号 " + user.username());
                return "redirect:/users";
            } catch (InvalidInput e) {
                e.problems().forEach(p -> errors.rejectValue(
                        List.of("username", "password", "roles", "scopeUnitId").contains(p.field()) ? p.field() : "personId",
                        "invalid", p.message()));
            } catch (Conflict e) {
                errors.rejectValue("username", "conflict", e.getMessage());
            }
        }
        return form(form, person, scope, model);
    }

    private String form(UserForm form, PersonView person, DataScope scope, Model model) {
        UnitView unit = org.unit(person.unitId(), scope);
        List<UnitView> scopes = new ArrayList<>(org.ancestors(unit, scope));
        scopes.add(unit);
        model.addAttribute("form", form);
        model.addAttribute("person", person);
        model.addAttribute("scopes", scopes);
        model.addAttribute("roles", Role.values());
        return "identity/user-form";
    }
}
