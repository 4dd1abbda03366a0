package org.gongjian.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opaque bearer tokens: 256 random bits handed out once; only their SHA-256 is stored. */
@Service
class TokenService {

    private final SecureRandom random = new SecureRandom();
    private final UserStore users;
    private final IdentitySettings settings;
    private final LoginSettings login;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    TokenService(UserStore users, IdentitySettings settings, LoginSettings login, Clock clock,
                 org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.settings = settings;
        this.login = login;
        this.clock = clock;
    }

    record IssuedToken(String token, Instant expiresAt) {}

    @Transactional
    IssuedToken issue(CurrentUser user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.tokenTtl());
        users.insertToken(hash(token), user.id(), expiresAt, now);
        return new IssuedToken(token, expiresAt);
    }

    /**
     * The token's user, and whether they must change their password before anything else; {@code unitScope} is the
     * data scope of the user's scope unit as read in the same statement (null without a scope unit, or when it is
     * gone), so the request need not read the unit again (see {@link DataScopeResolver}).
     */
    record Resolved(CurrentUser user, boolean passwordChangeDue, org.gongjian.shared.@Nullable DataScope unitScope) {}

    /**
     * Runs on every API request: one statement on the token's primary key (token, user, scope unit and roles
     * joined), outside any transaction, and no cache — revoking a token, disabling a user or changing their roles
     * takes effect on the very next request on every node.
     */
    Optional<Resolved> resolve(String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return users.userForToken(hash(token), now)
                .map(u -> new Resolved(u.toCurrentUser(), u.passwordChangeDue(now, login.passwordMaxAge()),
                        u.scopeUnitId() == null || u.scopePath() == null ? null
                                : org.gongjian.shared.DataScope.of(u.scopeUnitId(), u.scopePath())));
    }

    /** {@code DELETE /api/v1/auth/tokens/current}: the caller ends the token they call with. */
    @Transactional
    boolean revoke(String token, CurrentUser user) {
        boolean revoked = token.length() <= 100 && users.deleteToken(hash(token), user.id());
        if (revoked) {
            events.publishEvent(new org.gongjian.shared.AuditableChange("token.revoke", "user", String.valueOf(user.id()),
                    null, java.util.Map.of("username", user.getUsername())));
        }
        return revoked;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
