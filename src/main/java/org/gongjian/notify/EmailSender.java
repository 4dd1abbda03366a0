package org.gongjian.notify;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP. Spring Boot builds the {@link JavaMailSender} only when {@code spring.mail.host} is set; without
 * it email is off and no EMAIL deliveries are written.
 */
@Component
class EmailSender {

    private final NotifySettings settings;
    private final String mailUsername;
    private volatile @Nullable JavaMailSender sender;

    EmailSender(ObjectProvider<JavaMailSender> senders, NotifySettings settings,
                @Value("${spring.mail.username:}") String mailUsername) {
        this.sender = senders.getIfAvailable();
        this.settings = settings;
        this.mailUsername = mailUsername;
    }

    boolean configured() {
        return sender != null;
    }

    void send(DeliveryView delivery) {
        JavaMailSender mail = sender;
        if (mail == null) {
            throw new DeliveryFailure("未配置邮件服务器（spring.mail.host）");
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from());
            helper.setTo(delivery.target());
            helper.setSubject(delivery.subject());
            helper.setText(delivery.payload(), false);
            mail.send(message);
        } catch (MessagingException | MailException e) {
            throw new DeliveryFailure("邮件发送失败：" + e.getMessage());
        }
    }

    private String from() {
        if (!settings.getMailFrom().isBlank()) {
            return settings.getMailFrom();
        }
        return mailUsername.contains("@") ? mailUsername : "gongjian@localhost";
    }

    /** Swaps the SMTP sender (tests point it at their own server; null switches email off). */
    void use(@Nullable JavaMailSender sender) {
        this.sender = sender;
    }
}
