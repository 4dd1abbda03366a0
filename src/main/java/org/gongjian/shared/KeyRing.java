package org.gongjian.shared;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A set of configured secret keys with ids, one of them current: {@code k1:<base64>,k2:<base64>;current=k2}
 * (every key at least 32 bytes; without {@code current=} the last key is current). New data is protected with the
 * current key and the key's id is stored with it, so after a rotation older data still opens with its own key.
 * Used for the chain keys ({@link ChainKeys}) and the keys of TOTP secrets at rest. A missing, short or malformed
 * setting is an {@link IllegalStateException} naming the setting (so start-up stops with a clear message).
 */
public final class KeyRing {

    private final String setting;
    private final Map<String, byte[]> keys;
    private final String current;

    private KeyRing(String setting, Map<String, byte[]> keys, String current) {
        this.setting = setting;
        this.keys = Collections.unmodifiableMap(keys);
        this.current = current;
    }

    /**
     * The setting of {@code property}; when it is empty in the demo, the demo's fixed public keys (anywhere else an
     * empty setting stays empty, and {@link #parse} refuses it).
     */
    public static String configured(org.springframework.core.env.Environment env, String property, String demoKeys) {
        String setting = env.getProperty(property, "").trim();
        return setting.isEmpty() && DemoMode.isOn(env) ? demoKeys : setting;
    }

    /** Parses {@code value} of the setting called {@code setting} (the name is used in the error messages). */
    public static KeyRing parse(String setting, String value) {
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        String currentId = null;
        String last = null;
        for (String part : value.split(";")) {
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
                    throw new IllegalStateException(setting + ": 每个密钥应写作 <编号>:<base64>，例如 k1:…");
                }
                String id = e.substring(0, colon).trim();
                if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                    throw new IllegalStateException(setting + ": 密钥编号只能是 1-16 位字母、数字、- 或 _：" + id);
                }
                byte[] key;
                try {
                    key = Base64.getDecoder().decode(e.substring(colon + 1).trim());
                } catch (IllegalArgumentException bad) {
                    throw new IllegalStateException(setting + ": 密钥 " + id + " 不是有效的 base64");
                }
                if (key.length < 32) {
                    throw new IllegalStateException(setting + ": 密钥 " + id + " 不足 32 字节");
                }
                if (parsed.put(id, key) != null) {
                    throw new IllegalStateException(setting + ": 密钥编号重复：" + id);
                }
                last = id;
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException(setting + " 未配置：密钥缺失，拒绝启动（示例：k1:<32 字节以上的 base64>;current=k1）");
        }
        if (currentId == null) {
            currentId = last;
        }
        if (currentId == null || !parsed.containsKey(currentId)) {
            throw new IllegalStateException(setting + ": 当前密钥 " + currentId + " 不在所配置的密钥中");
        }
        return new KeyRing(setting, parsed, currentId);
    }

    /** The id of the key new data is protected with. */
    public String currentKeyId() {
        return current;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    public boolean knows(@Nullable String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** The key's bytes (a copy). */
    public byte[] key(String keyId) {
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException(setting + ": unknown key " + keyId);
        }
        return key.clone();
    }
}
