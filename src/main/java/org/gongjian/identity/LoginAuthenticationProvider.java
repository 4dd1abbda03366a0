package org.gongjian.identity;

import java.time.Duration;
import java.util.Map;

import org.gongjian.identity.UserStore.UserRow;
import org.gongjian.shared.AuditableChange;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password check for the login form, the token endpoint and the re-entry before signing, behind the
 * {@link LoginThrottle}: a throttled attempt is refused before the password is looked at, and unknown and real
 * names get the same answers. Nothing locks an account. When the user needs a second factor the result is a
 * {@link PendingSecondFactor}, which grants nothing until the code is given. Every outcome is audited.
 */
@Component
class LoginAuthenticationProvider implements AuthenticationProvider {

    /** What a refused login says (the login page shows the same words: {@link LoginController}). */
    static final String BAD_CREDENTIALS = "用户名或密码错误";
    static final String DISABLED = "账户已停用，请联系管理员";

    /** Compared against when the user does not exist, so timing does not reveal which usernames are real. */
    private final String dummyHash;

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final SecondFactor secondFactor;
    private final ApplicationEventPublisher events;

    LoginAuthenticationProvider(UserStore users, PasswordEncoder encoder, LoginThrottle throttle,
                                SecondFactor secondFactor, ApplicationEventPublisher events) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.events = events;
        this.dummyHash = encoder.encode("no-such-user-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = LoginThrottle.clientAddress();
        LoginThrottle.Verdict verdict = throttle.check(username, address);
        if (verdict.refused()) {
            audit("login.throttled", username, Map.of("address", address,
                    "retryAfterSeconds", verdict.retryAfter().orElseThrow().toSeconds()));
            throw new LoginThrottledException(verdict.retryAfter().orElseThrow());
        }
        slowDown(verdict.slowDown());
        UserRow user = users.findByUsername(username).orElse(null);
        if (user == null) {
            encoder.matches(password, dummyHash);
            refuse(username, address, "unknown user");
        }
        if (!encoder.matches(password, user.passwordHash())) {
            refuse(username, address, "wrong password");
        }
        if (!user.enabled()) {
            audit("login.refused", username, Map.of("reason", "disabled", "address", address));
            throw new DisabledException(DISABLED);
        }
        CurrentUser current = user.toCurrentUser();
        if (secondFactor.required(current)) {
            return new PendingSecondFactor(current, secondFactor.enrolled(current.id()));
        }
        succeeded(current, address, null);
        return UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities());
    }

    /**
     * The second step: the code from the authenticator app (or a recovery code). A wrong code counts as a failed
     * login for the throttle, like a wrong password.
     */
    Authentication completeSecondFactor(PendingSecondFactor pending, @Nullable String code) {
        CurrentUser user = pending.user();
        String address = LoginThrottle.clientAddress();
        LoginThrottle.Verdict verdict = throttle.check(user.getUsername(), address);
        if (verdict.refused()) {
            audit("login.throttled", user.getUsername(), Map.of("address", address, "step", "code"));
            throw new LoginThrottledException(verdict.retryAfter().orElseThrow());
        }
        if (!secondFactor.verify(user.id(), code)) {
            throttle.failed(user.getUsername(), address);
            audit("login.failure", user.getUsername(), Map.of("reason", "wrong code", "address", address));
            throw new BadCredentialsException("动态口令不正确或已过期");
        }
        succeeded(user, address, "totp");
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /**
     * The second step done by enrolment: {@link SecondFactor#enrol} has just checked the first code (and used it up,
     * so it is not checked a second time here).
     */
    Authentication completeByEnrolment(PendingSecondFactor pending) {
        CurrentUser user = pending.user();
        succeeded(user, LoginThrottle.clientAddress(), "totp");
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /** Records the login and returns the one before it, to show the user (上次登录). */
    java.util.Optional<UserStore.LastLogin> recordLogin(CurrentUser user, java.time.Instant now) {
        return users.recordLogin(user.id(), now, LoginThrottle.clientAddress());
    }

    private void succeeded(CurrentUser user, String address, @Nullable String factor) {
        throttle.succeeded(user.getUsername(), address);
        audit("login.success", user.getUsername(), factor == null ? Map.of("address", address)
                : Map.of("address", address, "secondFactor", factor));
    }

    private void refuse(String username, String address, String reason) {
        throttle.failed(username, address);
        audit("login.failure", username, Map.of("reason", reason, "address", address));
        // Same words for an unknown name and a wrong password: the answer must not tell which usernames exist.
        throw new BadCredentialsException(BAD_CREDENTIALS);
    }

    private static void slowDown(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.springframework.security.authentication.AuthenticationServiceException("登录被中断", e);
        }
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
