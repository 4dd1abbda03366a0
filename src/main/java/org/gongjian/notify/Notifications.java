package org.gongjian.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.gongjian.identity.Role;
import org.gongjian.identity.UserContact;
import org.gongjian.identity.UserService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notify module's API. Everything is written in the caller's transaction — the inbox rows and the outbox of
 * emails and robot messages — and nothing is sent there: the {@link DeliveryDispatcher} sends after commit, with
 * retries. So a slow or broken mail server or robot never holds up or rolls back the business change, and a
 * rolled-back change notifies nobody.
 */
@Service
@Transactional
public class Notifications {

    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 4000;
    static final int ROBOT_TEXT_MAX = 1800;

    private final NotificationStore store;
    private final UserService users;
    private final EmailSender email;
    private final NotifySettings settings;
    private final Clock clock;

    Notifications(NotificationStore store, UserService users, EmailSender email, NotifySettings settings, Clock clock) {
        this.store = store;
        this.users = users;
        this.email = email;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * In-app to each user (+ email when the user has an address and SMTP is configured). Call inside the business
     * transaction: rows are written in it (outbox), sent after. Unknown and disabled users are skipped; a link
     * must be a path inside the app ({@code /tasks/12}), anything else is dropped.
     */
    public void toUsers(Collection<Long> userIds, NotificationKind kind, String title, String body,
                        @Nullable String link) {
        if (userIds.isEmpty()) {
            return;
        }
        send(users.contacts(new LinkedHashSet<>(userIds)), kind, title, body, link);
    }

    private void send(java.util.List<UserContact> recipients, NotificationKind kind, String title, String body,
                      @Nullable String link) {
        if (recipients.isEmpty()) {
            return;
        }
        String cleanTitle = clip(title, TITLE_MAX);
        String cleanBody = clip(body, BODY_MAX);
        String path = safeLink(link);
        Instant now = clock.instant();
        boolean mail = email.configured();
        for (UserContact user : recipients) {
            store.insertNotification(user.id(), kind, cleanTitle, cleanBody, path, now);
            String address = user.email();
            if (mail && address != null && !address.isBlank()) {
                store.insertDelivery(Channel.EMAIL, address, "【攻坚·" + kind.label() + "】" + cleanTitle,
                        emailText(cleanBody, path), now);
            }
        }
    }

    /** To every enabled user whose person belongs to the unit (or whose scope unit is the unit) holding any of the roles. */
    public void toUnit(long unitId, Set<Role> roles, NotificationKind kind, String title, String body,
                       @Nullable String link) {
        // the unit's users and their contacts in one statement, not their ids and then their contacts (issue #18)
        send(users.contactsInUnit(unitId, roles), kind, title, body, link);
    }

    /** Group robots (DingTalk / WeCom) when configured, e.g. for supervision notices. */
    public void toGroups(NotificationKind kind, String title, String body, @Nullable String link) {
        String cleanTitle = clip(title, TITLE_MAX);
        String path = safeLink(link);
        StringBuilder text = new StringBuilder("#### 【").append(kind.label()).append("】").append(cleanTitle)
                .append("\n\n").append(clip(body, ROBOT_TEXT_MAX));
        if (path != null && !settings.getBaseUrl().isBlank()) {
            text.append("\n\n[查看详情](").append(settings.getBaseUrl()).append(path).append(")");
        }
        Instant now = clock.instant();
        if (settings.getDingtalk().configured()) {
            store.insertDelivery(Channel.DINGTALK, "钉钉群机器人", cleanTitle, text.toString(), now);
        }
        if (settings.getWecom().configured()) {
            store.insertDelivery(Channel.WECOM, "企业微信群机器人", cleanTitle, text.toString(), now);
        }
    }

    private String emailText(String body, @Nullable String path) {
        StringBuilder text = new StringBuilder(body);
        if (path != null && !settings.getBaseUrl().isBlank()) {
            text.append("\n\n查看详情：").append(settings.getBaseUrl()).append(path);
        }
        text.append("\n\n—— 攻坚平台（系统邮件，请勿直接回复）");
        return text.toString();
    }

    /** Only paths inside the app: no other sites, no javascript: links, no protocol-relative //host. */
    static @Nullable String safeLink(@Nullable String link) {
        if (link == null) {
            return null;
        }
        String path = link.trim();
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\") || path.length() > 500
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return path;
    }

    private static String clip(@Nullable String text, int max) {
        String value = text == null ? "" : text.strip();
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
