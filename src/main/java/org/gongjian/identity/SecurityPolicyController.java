package org.gongjian.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gongjian.shared.DataScope;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 安全策略 for the security administrator (三员分立): the authentication and access-control policies in force, who
 * holds the administrator roles, and the accounts the login throttle holds back now (each one click from 解除限制).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SEC_ADMIN')")
class SecurityPolicyController {

    /** The login throttle's figures replace the old lockout (issue #17: no lock an attacker can hold). */
    record Policy(int passwordMinLength, int freeAttempts, long firstWaitSeconds, long maxWaitMinutes, int addressLimit,
                  long windowMinutes, int passwordHistory, @org.jspecify.annotations.Nullable Long passwordMaxAgeDays,
                  long tokenHours, long sessionMinutes, long readRetentionDays, Map<Role, Long> administrators) {}

    private final UserStore users;
    private final IdentitySettings settings;
    private final LoginSettings login;
    private final Environment env;
    private final Clock clock;

    SecurityPolicyController(UserStore users, IdentitySettings settings, LoginSettings login, Environment env, Clock clock) {
        this.users = users;
        this.settings = settings;
        this.login = login;
        this.env = env;
        this.clock = clock;
    }

    @GetMapping("/security/policy")
    String page(DataScope scope, Model model) {
        model.addAttribute("policy", policy());
        List<UserStore.UserRow> locked = users.throttled(scope.path(), scope.isEverything(),
                clock.instant().minus(login.pairWindow()), login.freeAttempts());
        model.addAttribute("locked", locked);
        model.addAttribute("duties", List.of(Role.SYS_ADMIN, Role.SEC_ADMIN, Role.AUDIT_ADMIN, Role.ADMIN));
        return "identity/security-policy";
    }

    @GetMapping("/api/v1/security/policy")
    @ResponseBody
    Policy api() {
        return policy();
    }

    private Policy policy() {
        Duration session = env.getProperty("server.servlet.session.timeout", Duration.class, Duration.ofMinutes(30));
        Duration retention = env.getProperty("gongjian.audit.read-retention", Duration.class, Duration.ofDays(180));
        Map<Role, Long> holders = users.holders();
        Map<Role, Long> administrators = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            if (role.isAdministrator()) {
                administrators.put(role, holders.getOrDefault(role, 0L));
            }
        }
        return new Policy(PasswordPolicy.MIN_LENGTH, login.freeAttempts(), login.firstWait().toSeconds(),
                login.maxWait().toMinutes(), login.addressLimit(), login.window().toMinutes(), login.passwordHistory(),
                login.passwordMaxAge() == null ? null : login.passwordMaxAge().toDays(),
                settings.tokenTtl().toHours(), session.toMinutes(), retention.toDays(), administrators);
    }
}
