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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opaque bearer tokens: 256 random bits handed out once; only their SHA-256 is stored. */
@Service
class TokenService {

    private final SecureRandom random = new SecureRandom();
    private final UserStore users;
    private final IdentitySettings settings;
    private final Clock clock;

    TokenService(UserStore users, IdentitySettings settings, Clock clock) {
        this.users = users;
        this.settings = settings;
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

    @Transactional(readOnly = true)
    Optional<CurrentUser> resolve(String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        return users.userIdForToken(hash(token), clock.instant())
                .flatMap(users::findById)
                .filter(u -> u.enabled() && !u.lockedAt(clock.instant()))
                .map(UserStore.UserRow::toCurrentUser);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
