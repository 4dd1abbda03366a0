package org.gongjian.shared;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The secret keys of the keyed hash chains (reports, pledges, sign-offs): each link is an HMAC-SHA-256 under one
 * key, whose id is stored with the link, so someone who can write the database but does not hold the key cannot
 * recompute a link after changing a record. Several keys may be configured (rotation: old links keep verifying
 * with their own key), one of them current for new links.
 *
 * <p>{@code gongjian.integrity.chain-keys} ({@code GONGJIAN_CHAIN_KEYS}): {@code k1:<base64>,k2:<base64>;current=k2}
 * (keys of at least 32 bytes; without {@code current=} the last key is current). The demo uses a fixed, public demo
 * key; anywhere else a missing or malformed setting refuses to start.
 */
@Component
public class ChainKeys {

    /** The fixed key of the demo: public, so it protects nothing — the demo's data is made up. */
    static final String DEMO_KEYS = "demo:" + Base64.getEncoder().encodeToString(
            "gongjian-demo-chain-key-not-secret!".getBytes(StandardCharsets.UTF_8)) + ";current=demo";

    private final KeyRing keys;

    @org.springframework.beans.factory.annotation.Autowired
    public ChainKeys(Environment env) {
        this(KeyRing.configured(env, "gongjian.integrity.chain-keys", DEMO_KEYS));
    }

    public ChainKeys(String setting) {
        this.keys = KeyRing.parse("GONGJIAN_CHAIN_KEYS", setting);
    }

    /** The id of the key new links are made with. */
    public String currentKeyId() {
        return keys.currentKeyId();
    }

    public Set<String> keyIds() {
        return keys.keyIds();
    }

    public boolean knows(@Nullable String keyId) {
        return keys.knows(keyId);
    }

    /** HMAC-SHA-256 of the text under the given key, lower-case hex. */
    public String mac(String keyId, String text) {
        if (!keys.knows(keyId)) {
            throw new IllegalStateException("unknown chain key " + keyId);
        }
        byte[] key = keys.key(keyId);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code link} is the MAC of the text under the link's own key (constant-time compare). */
    public boolean verify(@Nullable String keyId, String text, @Nullable String link) {
        if (!knows(keyId) || link == null) {
            return false;
        }
        return MessageDigest.isEqual(mac(keyId, text).getBytes(StandardCharsets.US_ASCII),
                link.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
