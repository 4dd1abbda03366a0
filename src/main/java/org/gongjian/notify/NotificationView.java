package org.gongjian.notify;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One inbox entry as the page and the API show it. */
record NotificationView(long id, NotificationKind kind, String kindLabel, String title, String body,
                        @Nullable String link, Instant createdAt, @Nullable Instant readAt, boolean read) {
}
