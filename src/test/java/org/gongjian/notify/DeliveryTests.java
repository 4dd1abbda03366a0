package org.gongjian.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: email to an embedded SMTP server (GreenMail), DingTalk (signed) and WeCom robots on local stub
 * servers, retries with back-off on the test clock, FAILED after five failures and retried by an administrator.
 * Servers are pointed at through {@link NotifySettings} and {@link EmailSender#use}, so the context stays shared.
 */
class DeliveryTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired Notifications notifications;
    @Autowired DeliveryDispatcher dispatcher;
    @Autowired EmailSender email;
    @Autowired NotifySettings settings;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired TransactionTemplate tx;

    County c;

    @BeforeEach
    void county() {
        c = fixtures.county();
    }

    @AfterEach
    void switchOff() {
        email.use(null);
        settings.getDingtalk().setWebhook("");
        settings.getDingtalk().setSecret("");
        settings.getWecom().setWebhook("");
        settings.setBaseUrl("");
    }

    @Test
    void emailsAUserWithAnAddressWithAChineseSubjectAfterCommit() throws Exception {
        String admin = Logins.token(mvc, c.adminUser());
        String body = """
                {"username":"mail%s","password":"Hx7-Lantern-Q2026","roles":["LIAISON"],"scopeUnitId":%d,
                 "email":"lianluo%s@example.cn"}""".formatted(c.tag(), c.townshipA().id(), c.tag());
        String created = mvc.perform(post("/api/v1/users").header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value("lianluo" + c.tag() + "@example.cn"))
                .andReturn().getResponse().getContentAsString();
        long withMail = json.readTree(created).get("id").asLong();
        long without = userId(c.liaisonBUser());

        // Without SMTP configured no EMAIL rows are written at all.
        notifications.toUsers(List.of(withMail), NotificationKind.DEADLINE, "无邮件" + c.tag(), "正文", null);
        assertThat(deliveries("无邮件" + c.tag())).isZero();

        email.use(sender());
        settings.setBaseUrl("https://gongjian.example.cn/");
        tx.executeWithoutResult(s -> notifications.toUsers(List.of(withMail, without), NotificationKind.RETURNED,
                "月报被退回" + c.tag(), "佐证材料不全，请补充现场照片。", "/my/tasks"));
        assertThat(smtp.getReceivedMessages()).as("nothing is sent inside the transaction").isEmpty();
        assertThat(deliveries("月报被退回" + c.tag())).isEqualTo(1);

        assertThat(dispatcher.dispatch()).isGreaterThanOrEqualTo(1);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("【攻坚·报送退回】月报被退回" + c.tag());
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("lianluo" + c.tag() + "@example.cn");
        String text = ((String) received[0].getContent());
        assertThat(text).contains("佐证材料不全").contains("https://gongjian.example.cn/my/tasks");
        assertThat(deliveryStatus("月报被退回" + c.tag())).isEqualTo("SENT");
    }

    @Test
    void dingTalkGetsASignedMarkdownMessageAndWeComAMarkdownOne() throws Exception {
        String secret = "SEC" + c.tag() + "0123456789abcdef";
        try (StubRobot dingtalk = new StubRobot(c.tag()).checking(r -> validSignature(r, secret) ? null
                     : new StubRobot.Answer(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"));
             StubRobot wecom = new StubRobot(c.tag())) {
            settings.getDingtalk().setWebhook(dingtalk.url("/robot/send?access_token=abc"));
            settings.getDingtalk().setSecret(secret);
            settings.getWecom().setWebhook(wecom.url("/cgi-bin/webhook/send?key=k-123"));

            notifications.toGroups(NotificationKind.NOTICE, "督办单：污水治理" + c.tag(), "甲镇进度滞后，请3日内反馈。", "/tasks/7");
            dispatcher.dispatch();

            assertThat(dingtalk.received()).hasSize(1);
            StubRobot.Received ding = dingtalk.received().get(0);
            assertThat(StubRobot.query(ding.uri())).containsEntry("access_token", "abc").containsKeys("timestamp", "sign");
            JsonNode dingBody = json.readTree(ding.body());
            assertThat(dingBody.get("msgtype").asString()).isEqualTo("markdown");
            assertThat(dingBody.get("markdown").get("title").asString()).isEqualTo("督办单：污水治理" + c.tag());
            assertThat(dingBody.get("markdown").get("text").asString()).contains("【督办单】").contains("甲镇进度滞后");

            assertThat(wecom.received()).hasSize(1);
            JsonNode weBody = json.readTree(wecom.received().get(0).body());
            assertThat(wecom.received().get(0).uri().getQuery()).isEqualTo("key=k-123");
            assertThat(weBody.get("msgtype").asString()).isEqualTo("markdown");
            assertThat(weBody.get("markdown").get("content").asString()).contains("督办单：污水治理" + c.tag());
            assertThat(jdbc.sql("SELECT status FROM notification_delivery WHERE subject = :s")
                    .param("s", "督办单：污水治理" + c.tag()).query(String.class).list()).containsExactly("SENT", "SENT");
            // The outbox keeps no robot key.
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE target LIKE '%k-123%' OR payload LIKE '%k-123%'")
                    .query(Long.class).single()).isZero();

            // A wrong secret: the robot answers errcode != 0 with HTTP 200, which is a failure.
            settings.getDingtalk().setSecret("wrong");
            notifications.toGroups(NotificationKind.ESCALATION, "升级" + c.tag(), "约谈", null);
            settings.getWecom().setWebhook("");
            dispatcher.dispatch();
            Map<String, Object> row = jdbc.sql("SELECT status, attempts, last_error FROM notification_delivery WHERE subject = :s AND channel = 'DINGTALK'")
                    .param("s", "升级" + c.tag()).query().singleRow();
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
            assertThat((String) row.get("last_error")).contains("310000").contains("sign not match");
        }
    }

    @Test
    void aFailedSendIsRetriedWithBackOffOnTheClock() throws Exception {
        try (StubRobot wecom = new StubRobot(c.tag(), new StubRobot.Answer(500, "busy"), StubRobot.OK)) {
            settings.getWecom().setWebhook(wecom.url("/send?key=x"));
            notifications.toGroups(NotificationKind.NOTICE, "重试" + c.tag(), "正文", null);

            dispatcher.dispatch();
            assertThat(deliveryStatus("重试" + c.tag())).isEqualTo("PENDING");
            assertThat(error("重试" + c.tag())).contains("HTTP 500");

            clock.advance(Duration.ofSeconds(59));
            dispatcher.dispatch();
            assertThat(wecom.received()).as("not before the back-off has passed").hasSize(1);

            clock.advance(Duration.ofSeconds(1));
            dispatcher.dispatch();
            assertThat(wecom.received()).hasSize(2);
            assertThat(deliveryStatus("重试" + c.tag())).isEqualTo("SENT");
            assertThat(jdbc.sql("SELECT attempts FROM notification_delivery WHERE subject = :s").param("s", "重试" + c.tag())
                    .query(Integer.class).single()).isEqualTo(2);
        }
    }

    @Test
    void fiveFailuresMarkItFailedForTheAdministratorWhoCanRetryIt() throws Exception {
        try (StubRobot wecom = new StubRobot(c.tag(), new StubRobot.Answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))) {
            settings.getWecom().setWebhook(wecom.url("/send?key=x"));
            notifications.toGroups(NotificationKind.NOTICE, "失败" + c.tag(), "正文", null);

            dispatcher.dispatch();
            for (int minutes : new int[] {1, 5, 30}) {
                clock.advance(Duration.ofMinutes(minutes));
                dispatcher.dispatch();
                assertThat(deliveryStatus("失败" + c.tag())).isEqualTo("PENDING");
            }
            clock.advance(Duration.ofMinutes(119));
            dispatcher.dispatch();
            assertThat(wecom.received()).as("the fifth attempt waits 120 minutes").hasSize(4);
            clock.advance(Duration.ofMinutes(1));
            dispatcher.dispatch();
            assertThat(wecom.received()).hasSize(5);
            assertThat(deliveryStatus("失败" + c.tag())).isEqualTo("FAILED");
            clock.advance(Duration.ofDays(1));
            dispatcher.dispatch();
            assertThat(wecom.received()).as("a FAILED delivery is not tried again by itself").hasSize(5);

            long id = jdbc.sql("SELECT id FROM notification_delivery WHERE subject = :s").param("s", "失败" + c.tag())
                    .query(Long.class).single();
            MockHttpSession admin = Logins.session(mvc, c.adminUser());
            mvc.perform(get("/admin/deliveries").session(admin))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("失败" + c.tag())))
                    .andExpect(content().string(containsString("errcode 93000")))
                    .andExpect(content().string(containsString("data-test=\"retry-" + id + "\"")));
            mvc.perform(get("/admin/deliveries").session(Logins.session(mvc, c.liaisonAUser())))
                    .andExpect(status().isForbidden());

            wecom.checking(r -> StubRobot.OK);
            mvc.perform(post("/admin/deliveries/{id}/retry", id).session(admin).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(deliveryStatus("失败" + c.tag())).isEqualTo("SENT");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'delivery.retry' AND entity_id = :id")
                    .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        }
    }

    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    private static boolean validSignature(StubRobot.Received request, String secret) {
        Map<String, String> query = StubRobot.query(request.uri());
        String timestamp = query.get("timestamp");
        String sign = query.get("sign");
        if (timestamp == null || sign == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(URLDecoder.decode(sign, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    private long deliveries(String subjectPart) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE subject LIKE :s").param("s", "%" + subjectPart)
                .query(Long.class).single();
    }

    private String deliveryStatus(String subjectPart) {
        return jdbc.sql("SELECT status FROM notification_delivery WHERE subject LIKE :s").param("s", "%" + subjectPart)
                .query(String.class).single();
    }

    private String error(String subjectPart) {
        return jdbc.sql("SELECT last_error FROM notification_delivery WHERE subject LIKE :s").param("s", "%" + subjectPart)
                .query(String.class).single();
    }
}
