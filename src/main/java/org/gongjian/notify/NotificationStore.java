package org.gongjian.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the inbox ({@code notification}) and the outbox ({@code notification_delivery}). */
@Repository
class NotificationStore {

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- inbox

    void insertNotification(long userId, NotificationKind kind, String title, String body, @Nullable String link,
                            Instant now) {
        jdbc.sql("""
                INSERT INTO notification (user_id, kind, title, body, link, created_at)
                VALUES (:user, :kind, :title, :body, :link, :now)""")
                .param("user", userId).param("kind", kind.name()).param("title", title).param("body", body)
                .param("link", link, Types.VARCHAR).param("now", Timestamp.from(now)).update();
    }

    PageResult<NotificationView> inbox(long userId, boolean unreadOnly, PageQuery page) {
        String where = " WHERE user_id = :user" + (unreadOnly ? " AND read_at IS NULL" : "");
        long total = jdbc.sql("SELECT COUNT(*) FROM notification" + where).param("user", userId)
                .query(Long.class).single();
        List<NotificationView> items = jdbc.sql("SELECT * FROM notification" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("user", userId).param("limit", page.size()).param("offset", page.offset())
                .query(this::mapNotification).list();
        return PageResult.of(items, total, page);
    }

    Optional<NotificationView> notification(long id, long userId) {
        return jdbc.sql("SELECT * FROM notification WHERE id = :id AND user_id = :user")
                .param("id", id).param("user", userId).query(this::mapNotification).optional();
    }

    long unreadCount(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId).query(Long.class).single();
    }

    int markRead(long id, long userId, Instant now) {
        return jdbc.sql("UPDATE notification SET read_at = :now WHERE id = :id AND user_id = :user AND read_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", id).param("user", userId).update();
    }

    int markAllRead(long userId, Instant now) {
        return jdbc.sql("UPDATE notification SET read_at = :now WHERE user_id = :user AND read_at IS NULL")
                .param("now", Timestamp.from(now)).param("user", userId).update();
    }

    private NotificationView mapNotification(ResultSet rs, int row) throws SQLException {
        NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
        return new NotificationView(rs.getLong("id"), kind, kind.label(), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), rs.getTimestamp("created_at").toInstant(), instant(rs, "read_at"),
                rs.getTimestamp("read_at") != null);
    }

    // ---- outbox

    void insertDelivery(Channel channel, String target, String subject, String payload, Instant now) {
        jdbc.sql("""
                INSERT INTO notification_delivery (channel, target, subject, payload, status, attempts, next_attempt_at, created_at)
                VALUES (:channel, :target, :subject, :payload, 'PENDING', 0, :now, :now)""")
                .param("channel", channel.name()).param("target", target).param("subject", subject)
                .param("payload", payload).param("now", Timestamp.from(now)).update();
    }

    /** Pending deliveries whose time has come, oldest first. */
    List<DeliveryView> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM notification_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now
                ORDER BY next_attempt_at, id LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(this::mapDelivery).list();
    }

    Optional<DeliveryView> delivery(long id) {
        return jdbc.sql("SELECT * FROM notification_delivery WHERE id = :id").param("id", id)
                .query(this::mapDelivery).optional();
    }

    PageResult<DeliveryView> deliveries(List<DeliveryStatus> statuses, PageQuery page) {
        List<String> names = statuses.stream().map(Enum::name).toList();
        long total = jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE status IN (:statuses)")
                .param("statuses", names).query(Long.class).single();
        List<DeliveryView> items = jdbc.sql("""
                SELECT * FROM notification_delivery WHERE status IN (:statuses)
                ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("statuses", names).param("limit", page.size()).param("offset", page.offset())
                .query(this::mapDelivery).list();
        return PageResult.of(items, total, page);
    }

    void markSent(long id, int attempts, Instant now) {
        jdbc.sql("UPDATE notification_delivery SET status = 'SENT', attempts = :attempts, sent_at = :now, last_error = NULL WHERE id = :id")
                .param("attempts", attempts).param("now", Timestamp.from(now)).param("id", id).update();
    }

    void markFailedAttempt(long id, int attempts, DeliveryStatus status, Instant nextAttempt, String error) {
        jdbc.sql("""
                UPDATE notification_delivery SET status = :status, attempts = :attempts, next_attempt_at = :next,
                       last_error = :error WHERE id = :id""")
                .param("status", status.name()).param("attempts", attempts).param("next", Timestamp.from(nextAttempt))
                .param("error", error).param("id", id).update();
    }

    /** Puts a delivery back in the queue with a fresh round of attempts. */
    int requeue(long id, Instant now) {
        return jdbc.sql("""
                UPDATE notification_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                WHERE id = :id AND status <> 'SENT'""")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    private DeliveryView mapDelivery(ResultSet rs, int row) throws SQLException {
        return new DeliveryView(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("target"),
                rs.getString("subject"), rs.getString("payload"), DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "sent_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
