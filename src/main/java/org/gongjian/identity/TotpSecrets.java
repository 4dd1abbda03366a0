package org.gongjian.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.gongjian.shared.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * TOTP secrets at rest: the authenticator secret must be readable by the application (it computes the codes), so it
 * can't be hashed; it is sealed with AES-256-GCM (JDK crypto) under a key from configuration, and the key's id is
 * stored beside it, so keys can be rotated (new secrets under the current key, old ones still open with theirs).
 * The user id is bound into each seal (GCM associated data): a sealed secret copied onto another user's row does not
 * open. The AES key is HMAC-SHA-256(configured key, "gongjian-totp-secret"), so any configured key of ≥ 32 bytes fits.
 *
 * <p>{@code gongjian.identity.totp-keys} ({@code GONGJIAN_TOTP_KEYS}): {@code k1:<base64>,k2:<base64>;current=k2},
 * as for the chain keys. The demo uses a fixed, public demo key; anywhere else a missing or malformed setting
 * refuses to start.
 */
@Component
class TotpSecrets {

    private static final Logger log = LoggerFactory.getLogger(TotpSecrets.class);

    /** The fixed key of the demo: public, so it protects nothing — the demo's data is made up. */
    static final String DEMO_KEYS = "demo:" + Base64.getEncoder().encodeToString(
            "gongjian-demo-totp-key-not-secret-at-all".getBytes(StandardCharsets.UTF_8)) + ";current=demo";

    private static final String FORMAT = "g1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    @org.springframework.beans.factory.annotation.Autowired
    TotpSecrets(Environment env) {
        this(KeyRing.configured(env, "gongjian.identity.totp-keys", DEMO_KEYS));
    }

    TotpSecrets(String setting) {
        this.keys = KeyRing.parse("GONGJIAN_TOTP_KEYS", setting);
    }

    /** A secret sealed under the current key: the key id to store and the text for the {@code secret} column. */
    record Sealed(String keyId, String text) {}

    Sealed seal(long userId, String secret) {
        String keyId = keys.currentKeyId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyId, userId, iv);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return new Sealed(keyId, FORMAT + Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TOTP secret could not be sealed", e);
        }
    }

    /** The clear secret of a stored row; throws when the key is unknown or the text was changed or moved. */
    String open(long userId, String keyId, String text) {
        if (!keys.knows(keyId)) {
            throw new IllegalStateException("GONGJIAN_TOTP_KEYS: 缺少密钥 " + keyId + "（动态口令密钥用它加密）");
        }
        if (!text.startsWith(FORMAT)) {
            throw new IllegalStateException("TOTP secret of user " + userId + " is not in the sealed format");
        }
        byte[] in = Base64.getDecoder().decode(text.substring(FORMAT.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyId, userId, java.util.Arrays.copyOf(in, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TOTP secret of user " + userId + " does not open with key " + keyId, e);
        }
    }

    /**
     * Seals every secret still stored in clear (rows from before sealing); returns how many. Each row is updated only
     * if it is still clear, so nodes starting together do not seal a row twice.
     */
    int sealClearSecrets(JdbcClient jdbc) {
        record Clear(long userId, String secret) {}
        List<Clear> clear = jdbc.sql("SELECT user_id, secret FROM user_totp WHERE secret_key_id IS NULL")
                .query((rs, n) -> new Clear(rs.getLong("user_id"), rs.getString("secret"))).list();
        int sealed = 0;
        for (Clear row : clear) {
            Sealed s = seal(row.userId(), row.secret());
            sealed += jdbc.sql("""
                    UPDATE user_totp SET secret = :sealed, secret_key_id = :key
                    WHERE user_id = :id AND secret_key_id IS NULL AND secret = :clear""")
                    .param("sealed", s.text()).param("key", s.keyId()).param("id", row.userId())
                    .param("clear", row.secret()).update();
        }
        if (sealed > 0) {
            log.info("sealed {} TOTP secret(s) that were stored in clear, with key {}", sealed, keys.currentKeyId());
        }
        return sealed;
    }

    private Cipher cipher(int mode, String keyId, long userId, byte[] iv) throws GeneralSecurityException {
        Mac kdf = Mac.getInstance("HmacSHA256");
        kdf.init(new SecretKeySpec(keys.key(keyId), "HmacSHA256"));
        byte[] aesKey = kdf.doFinal("gongjian-totp-secret".getBytes(StandardCharsets.US_ASCII));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("user_totp|" + userId + "|" + keyId).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
