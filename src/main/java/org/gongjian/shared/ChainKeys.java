package org.gongjian.shared;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final Map<String, byte[]> keys;
    private final String current;

    @org.springframework.beans.factory.annotation.Autowired
    public ChainKeys(Environment env) {
        this(configured(env));
    }

    public ChainKeys(String setting) {
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        String currentId = null;
        String last = null;
        for (String part : setting.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith("current=")) {
                currentId = p.substring("current=".length()).trim();
                continue;
            }
            for (String entry : p.split(",")) {
                String e = entry.trim();
                int colon = e.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalStateException("GONGJIAN_CHAIN_KEYS: 每个密钥应写作 <编号>:<base64>，例如 k1:…");
                }
                String id = e.substring(0, colon).trim();
                if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                    throw new IllegalStateException("GONGJIAN_CHAIN_KEYS: 密钥编号只能是 1-16 位字母、数字、- 或 _：" + id);
                }
                byte[] key;
                try {
                    key = Base64.getDecoder().decode(e.substring(colon + 1).trim());
                } catch (IllegalArgumentException bad) {
                    throw new IllegalStateException("GONGJIAN_CHAIN_KEYS: 密钥 " + id + " 不是有效的 base64");
                }
                if (key.length < 32) {
                    throw new IllegalStateException("GONGJIAN_CHAIN_KEYS: 密钥 " + id + " 不足 32 字节");
                }
                if (parsed.put(id, key) != null) {
                    throw new IllegalStateException("GONGJIAN_CHAIN_KEYS: 密钥编号重复：" + id);
                }
                last = id;
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException("GONGJIAN_CHAIN_KEYS 未配置：哈希链密钥缺失，拒绝启动（示例：k1:<32 字节以上的 base64>;current=k1）");
        }
        if (currentId == null) {
            currentId = last;
        }
        if (currentId == null || !parsed.containsKey(currentId)) {
            throw new IllegalStateException("GONGJIAN_CHAIN_KEYS: 当前密钥 " + currentId + " 不在所配置的密钥中");
        }
        this.keys = Collections.unmodifiableMap(parsed);
        this.current = currentId;
    }

    private static String configured(Environment env) {
        String setting = env.getProperty("gongjian.integrity.chain-keys", "").trim();
        if (setting.isEmpty() && DemoMode.isOn(env)) {
            return DEMO_KEYS;
        }
        return setting;
    }

    /** The id of the key new links are made with. */
    public String currentKeyId() {
        return current;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    public boolean knows(@Nullable String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** HMAC-SHA-256 of the text under the given key, lower-case hex. */
    public String mac(String keyId, String text) {
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("unknown chain key " + keyId);
        }
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
