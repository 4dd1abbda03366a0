package org.gongjian.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.gongjian.identity.UserStore.UserRow;
import org.gongjian.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password check for both the login form and the token endpoint, with the lockout rule: after
 * {@code maxFailedAttempts} wrong passwords in a row the account is locked for {@code lockDuration}.
 * Every outcome is audited.
 */
@Component
class LockingAuthenticationProvider implements AuthenticationProvider {

    /** Compared against when the user does not exist, so timing does not reveal which usernames are real. */
    private final String dummyHash;

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final IdentitySettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LockingAuthenticationProvider(UserStore users, PasswordEncoder encoder, IdentitySettings settings,
                                  ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.dummyHash = encoder.encode("no-such-user-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Instant now = clock.instant();
        UserRow user = users.findByUsername(username).orElse(null);
        if (user == null) {
            encoder.matches(password, dummyHash);
            audit("login.failure", username, Map.of("reason", "unknown user"));
            throw new BadCredentialsException("用户名或密码错误");
        }
        if (user.lockedAt(now)) {
            audit("login.refused", username, Map.of("reason", "locked"));
            throw new LockedException("账户因多次密码错误已锁定，请于 " + localTime(user.lockedUntil()) + " 后再试");
        }
        if (!user.enabled()) {
            throw new DisabledException("账户已停用，请联系管理员");
        }
        if (!encoder.matches(password, user.passwordHash())) {
            failed(user, now);
        }
        users.recordSuccess(user.id());
        audit("login.success", user.username(), null);
        CurrentUser current = user.toCurrentUser();
        return UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities());
    }

    private void failed(UserRow user, Instant now) {
        int failures = users.recordFailure(user.id());
        if (failures >= settings.maxFailedAttempts()) {
            Instant until = now.plus(settings.lockDuration());
            users.lock(user.id(), until);
            audit("account.locked", user.username(), Map.of("failures", failures, "lockedUntil", until.toString()));
            throw new LockedException("密码连续错误 " + failures + " 次，账户已锁定至 " + localTime(until));
        }
        audit("login.failure", user.username(), Map.of("failures", failures));
        // Same words as for an unknown user: the answer must not tell which usernames exist.
        throw new BadCredentialsException("用户名或密码错误");
    }

    private String localTime(Instant instant) {
        ZoneId zone = clock.getZone();
        return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(instant);
    }

    private void audit(String action, String username, Object detail) {
        // Nobody is signed in while the login runs: a successful login is the user's own act, credited to them.
        events.publishEvent(new AuditableChange(action, "user", username, null, detail,
                "login.success".equals(action) ? username : null));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
