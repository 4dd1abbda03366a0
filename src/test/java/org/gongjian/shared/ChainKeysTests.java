package org.gongjian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Chain keys: parsing, rotation (old links verify with their own key), refusal without a key outside the demo. */
class ChainKeysTests {

    private static String key(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String K1 = key("first-chain-key-of-at-least-32-bytes");
    private static final String K2 = key("second-chain-key-of-at-least-32-bytes");

    @Test
    void aLinkMadeWithARetiredKeyStillVerifiesAfterRotation() {
        ChainKeys before = new ChainKeys("k1:" + K1);
        assertThat(before.currentKeyId()).isEqualTo("k1");
        String link = before.mac("k1", "previous|content|APPROVED");

        ChainKeys after = new ChainKeys("k1:" + K1 + ",k2:" + K2 + ";current=k2");
        assertThat(after.currentKeyId()).isEqualTo("k2");
        assertThat(after.verify("k1", "previous|content|APPROVED", link)).isTrue();
        assertThat(after.verify("k2", "previous|content|APPROVED", link)).isFalse();
        assertThat(after.verify("k1", "previous|content|RETURNED", link)).isFalse();
        assertThat(after.verify(null, "previous|content|APPROVED", link)).isFalse();
        assertThat(new ChainKeys("k1:" + K1 + ",k2:" + K2).currentKeyId()).isEqualTo("k2");
    }

    @Test
    void aMissingShortOrMalformedKeyRefusesToStartOutsideTheDemo() {
        MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/gongjian")
                .withProperty("gongjian.integrity.chain-keys", "");
        assertThatThrownBy(() -> new ChainKeys(production)).hasMessageContaining("GONGJIAN_CHAIN_KEYS 未配置");
        assertThatThrownBy(() -> new ChainKeys("k1:" + key("short"))).hasMessageContaining("不足 32 字节");
        assertThatThrownBy(() -> new ChainKeys("k1:not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new ChainKeys("k1:" + K1 + ";current=k9")).hasMessageContaining("k9");
        assertThatThrownBy(() -> new ChainKeys("k1:" + K1 + ",k1:" + K2)).hasMessageContaining("重复");
    }

    @Test
    void theDemoUsesItsFixedKey() {
        MockEnvironment demo = new MockEnvironment().withProperty("gongjian.demo.enabled", "true");
        assertThat(new ChainKeys(demo).currentKeyId()).isEqualTo("demo");
    }
}
