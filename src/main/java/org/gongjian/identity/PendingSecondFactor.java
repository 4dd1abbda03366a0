package org.gongjian.identity;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A login whose password was right but whose second factor is still to come. It holds no role, so every rule that
 * asks for one refuses it, and {@link LoginStepsFilter} sends it to the code step (or to enrolment, when the
 * user has no authenticator yet).
 */
final class PendingSecondFactor extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String AUTHORITY = "FACTOR_TOTP_PENDING";

    private final CurrentUser user;
    private final boolean enrolled;

    PendingSecondFactor(CurrentUser user, boolean enrolled) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.user = user;
        this.enrolled = enrolled;
        setAuthenticated(true);
    }

    CurrentUser user() {
        return user;
    }

    boolean enrolled() {
        return enrolled;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    /** The username, not the user: code that expects a signed-in {@link CurrentUser} must not take this for one. */
    @Override
    public Object getPrincipal() {
        return user.getUsername();
    }
}
