package org.gongjian.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DemoMode;
import org.gongjian.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TOTP second factor (RFC 6238, 6 digits, 30 s, as authenticator apps expect): required of administrators
 * (except in the demo, so its logins keep working without a phone) and of anyone who enrolled. Enrolment shows a
 * QR code, is confirmed by a first code, and hands out ten one-time recovery codes. Codes are checked against the
 * application's {@link Clock}, one period either side. A code is good once: the time step of the last code accepted
 * is kept per user ({@code user_totp.last_step}) and only a later step is accepted, by one conditional UPDATE, so a
 * code seen over someone's shoulder or replayed to another node is refused like a wrong code. The secret is stored
 * sealed ({@link TotpSecrets}).
 */
@Component
class SecondFactor implements org.springframework.boot.ApplicationRunner {

    static final int RECOVERY_CODES = 10;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoginSettings settings;
    private final ApplicationEventPublisher events;
    private final boolean demo;
    private final TotpSecrets secrets;
    private final CodeGenerator generator = new DefaultCodeGenerator();

    SecondFactor(JdbcClient jdbc, Clock clock, LoginSettings settings, ApplicationEventPublisher events,
                 Environment env, TotpSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.settings = settings;
        this.events = events;
        this.demo = DemoMode.isOn(env);
    }

    /** At start-up: secrets still stored in clear (enrolled before sealing) are sealed with the current key. */
    @Override
    public void run(org.springframework.boot.ApplicationArguments args) {
        secrets.sealClearSecrets(jdbc);
    }

    /** Enrolled users always; administrators always outside the demo (enrolment is then the first thing they do). */
    boolean required(CurrentUser user) {
        return enrolled(user.id()) || (!demo && user.roles().stream().anyMatch(Role::isAdministrator));
    }

    @Transactional(readOnly = true)
    public boolean enrolled(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM user_totp WHERE user_id = :id").param("id", userId)
                .query(Long.class).single() > 0;
    }

    String newSecret() {
        return new DefaultSecretGenerator().generate();
    }

    /** The otpauth:// address as a QR code (a PNG data URI, allowed by the page's CSP). */
    String qrCode(String username, String secret) {
        QrData data = new QrData.Builder().label(username).secret(secret).issuer(settings.totpIssuer())
                .digits(6).period(30).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("二维码生成失败", e);
        }
    }

    /** Confirms enrolment with a first code from the app; returns the recovery codes, shown this once. */
    @Transactional
    public List<String> enrol(CurrentUser user, String secret, @Nullable String code) {
        Optional<Long> step = code == null ? Optional.empty() : matchingStep(secret, code.strip(), null);
        if (step.isEmpty()) {
            throw InvalidInput.of("code", "动态口令不正确，请核对手机时间后输入应用中当前显示的 6 位数字");
        }
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = :id").param("id", user.id()).update();
        jdbc.sql("DELETE FROM user_totp WHERE user_id = :id").param("id", user.id()).update();
        TotpSecrets.Sealed sealed = secrets.seal(user.id(), secret);
        // The enrolment code counts as used: it can't be replayed at the login that follows.
        jdbc.sql("""
                INSERT INTO user_totp (user_id, secret, secret_key_id, enrolled_at, last_step)
                VALUES (:id, :secret, :key, :now, :step)""")
                .param("id", user.id()).param("secret", sealed.text()).param("key", sealed.keyId())
                .param("now", Timestamp.from(clock.instant())).param("step", step.get()).update();
        List<String> codes = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        for (String recovery : codes) {
            jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (:id, :hash)")
                    .param("id", user.id()).param("hash", hash(recovery)).update();
        }
        events.publishEvent(new AuditableChange("user.totp-enrol", "user", String.valueOf(user.id()), null,
                Map.of("username", user.getUsername(), "recoveryCodes", RECOVERY_CODES)));
        return codes;
    }

    /** A current code from the app, or an unused recovery code (used up by this check). */
    @Transactional
    public boolean verify(long userId, @Nullable String code) {
        if (code == null || code.isBlank() || code.length() > 40) {
            return false;
        }
        String given = code.strip();
        Optional<String> secret = secret(userId);
        if (secret.isEmpty()) {
            return false;
        }
        if (given.matches("\\d{6}")) {
            Long last = jdbc.sql("SELECT last_step FROM user_totp WHERE user_id = :id").param("id", userId)
                    .query(Long.class).optional().orElse(null);
            Optional<Long> step = matchingStep(secret.get(), given, last);
            // Only one request can move last_step past a step: a replay, here or on another node, finds it moved.
            return step.isPresent() && jdbc.sql("""
                    UPDATE user_totp SET last_step = :step
                    WHERE user_id = :id AND (last_step IS NULL OR last_step < :step)""")
                    .param("step", step.get()).param("id", userId).update() > 0;
        }
        boolean recovered = jdbc.sql("""
                UPDATE recovery_code SET used_at = :now
                WHERE user_id = :id AND code_hash = :hash AND used_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("id", userId).param("hash", hash(given))
                .update() > 0;
        if (recovered) {
            events.publishEvent(new AuditableChange("user.totp-recovery-code-used", "user", String.valueOf(userId),
                    null, Map.of("remaining", remainingRecoveryCodes(userId))));
        }
        return recovered;
    }

    @Transactional(readOnly = true)
    public long remainingRecoveryCodes(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = :id AND used_at IS NULL")
                .param("id", userId).query(Long.class).single();
    }

    /**
     * The time step (now, one before or one after) whose code is {@code given}, later than {@code after} when given;
     * the newest such step, compared in constant time.
     */
    private Optional<Long> matchingStep(String secret, String given, @Nullable Long after) {
        long now = clock.instant().getEpochSecond() / 30;
        Optional<Long> found = Optional.empty();
        for (long step = now - 1; step <= now + 1; step++) {
            if (after != null && step <= after) {
                continue;
            }
            try {
                if (MessageDigest.isEqual(generator.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                        given.getBytes(StandardCharsets.US_ASCII))) {
                    found = Optional.of(step);
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The clear secret (opened from its seal; a row not yet sealed at start-up is still clear). */
    private Optional<String> secret(long userId) {
        return jdbc.sql("SELECT secret, secret_key_id FROM user_totp WHERE user_id = :id").param("id", userId)
                .query((rs, n) -> {
                    String keyId = rs.getString("secret_key_id");
                    String text = rs.getString("secret");
                    return keyId == null ? text : secrets.open(userId, keyId, text);
                }).optional();
    }

    private static String hash(String recoveryCode) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(recoveryCode.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
