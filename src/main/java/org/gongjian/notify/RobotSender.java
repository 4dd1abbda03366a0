package org.gongjian.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group robots: DingTalk's custom robot (markdown, optionally signed) and WeCom's group robot (markdown). The
 * webhook URLs are read from {@link NotifySettings} at every send, so the outbox never stores a robot's key.
 */
@Component
class RobotSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final NotifySettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    RobotSender(NotifySettings settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    void send(DeliveryView delivery) {
        switch (delivery.channel()) {
            case DINGTALK -> {
                NotifySettings.Robot robot = settings.getDingtalk();
                requireConfigured(robot, "钉钉");
                String url = robot.getWebhook();
                if (!robot.getSecret().isBlank()) {
                    long timestamp = clock.millis();
                    url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp
                            + "&sign=" + sign(timestamp, robot.getSecret());
                }
                post(url, Map.of("msgtype", "markdown",
                        "markdown", Map.of("title", delivery.subject(), "text", delivery.payload())));
            }
            case WECOM -> {
                NotifySettings.Robot robot = settings.getWecom();
                requireConfigured(robot, "企业微信");
                post(robot.getWebhook(), Map.of("msgtype", "markdown",
                        "markdown", Map.of("content", delivery.payload())));
            }
            default -> throw new IllegalArgumentException("not a robot channel: " + delivery.channel());
        }
    }

    /** DingTalk's signature: HmacSHA256 over "timestamp\nsecret" keyed by the secret, Base64, URL-encoded. */
    static String sign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static void requireConfigured(NotifySettings.Robot robot, String name) {
        if (!robot.configured()) {
            throw new DeliveryFailure("未配置" + name + "机器人");
        }
    }

    private void post(String url, Map<String, Object> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailure("连接失败：" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("发送被中断");
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JacksonException e) {
            return; // not JSON: the robot answered 2xx, take it as delivered
        }
        if (answer != null && answer.has("errcode") && answer.get("errcode").asInt() != 0) {
            throw new DeliveryFailure("errcode " + answer.get("errcode").asInt() + "："
                    + abbreviate(answer.path("errmsg").asString()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
