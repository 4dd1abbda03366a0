package org.gongjian.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code gongjian.notify.*} binds onto the settings bean; the DingTalk signature matches DingTalk's documented example shape. */
class NotifySettingsTests {

    @Test
    void bindsRobotsAndBaseUrl() {
        NotifySettings settings = new NotifySettings();
        new Binder(new MapConfigurationPropertySource(Map.of(
                "gongjian.notify.base-url", "https://gj.example.cn/",
                "gongjian.notify.dingtalk.webhook", "https://oapi.dingtalk.com/robot/send?access_token=t",
                "gongjian.notify.dingtalk.secret", "SECabc",
                "gongjian.notify.wecom.webhook", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k")))
                .bind("gongjian.notify", Bindable.ofInstance(settings));
        assertThat(settings.getBaseUrl()).isEqualTo("https://gj.example.cn");
        assertThat(settings.getDingtalk().configured()).isTrue();
        assertThat(settings.getDingtalk().getSecret()).isEqualTo("SECabc");
        assertThat(settings.getWecom().getWebhook()).endsWith("key=k");
    }

    @Test
    void signatureIsUrlEncodedBase64OfAnHmacSha256() {
        String sign = RobotSender.sign(1_700_000_000_000L, "SECabc");
        String decoded = URLDecoder.decode(sign, StandardCharsets.UTF_8);
        assertThat(java.util.Base64.getDecoder().decode(decoded)).hasSize(32);
        assertThat(sign).doesNotContain("+", "/", "=");
        assertThat(RobotSender.sign(1_700_000_000_001L, "SECabc")).isNotEqualTo(sign);
    }
}
