package org.gongjian.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gongjian.notify.*}: the group robots and the address links in outbound messages point to. Mutable on
 * purpose: read at every send, so tests (and a future settings page) can change it without a new context.
 */
@ConfigurationProperties("gongjian.notify")
class NotifySettings {

    /** The app's public address, e.g. https://gongjian.example.gov.cn, for links in emails and robot messages. */
    private String baseUrl = "";
    /** Sender address of emails; blank = spring.mail.username, else gongjian@localhost. */
    private String mailFrom = "";
    private final Robot dingtalk = new Robot();
    private final Robot wecom = new Robot();

    /** A group robot: its webhook URL (WeCom's carries the key) and, for DingTalk, the signing secret. */
    public static class Robot {
        private String webhook = "";
        private String secret = "";

        public String getWebhook() {
            return webhook;
        }

        public void setWebhook(String webhook) {
            this.webhook = webhook == null ? "" : webhook.trim();
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret == null ? "" : secret.trim();
        }

        public boolean configured() {
            return !webhook.isBlank();
        }
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        String url = baseUrl == null ? "" : baseUrl.trim();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String getMailFrom() {
        return mailFrom;
    }

    public void setMailFrom(String mailFrom) {
        this.mailFrom = mailFrom == null ? "" : mailFrom.trim();
    }

    public Robot getDingtalk() {
        return dingtalk;
    }

    public Robot getWecom() {
        return wecom;
    }
}
