package org.gongjian.notify;

import java.time.Clock;

import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own inbox: only ever their own notifications (someone else's id is simply not found). */
@Service
@Transactional
class Inbox {

    private final NotificationStore store;
    private final Clock clock;

    Inbox(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResult<NotificationView> list(long userId, boolean unreadOnly, PageQuery page) {
        return store.inbox(userId, unreadOnly, page);
    }

    @Transactional(readOnly = true)
    long unread(long userId) {
        return store.unreadCount(userId);
    }

    NotificationView markRead(long id, long userId) {
        store.markRead(id, userId, clock.instant());
        return store.notification(id, userId).orElseThrow(() -> new NotFound("notification", id));
    }

    int markAllRead(long userId) {
        return store.markAllRead(userId, clock.instant());
    }
}
