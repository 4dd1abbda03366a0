package org.gongjian.notify;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One outbound message in the outbox. */
record DeliveryView(long id, Channel channel, String target, String subject, String payload, DeliveryStatus status,
                    int attempts, Instant nextAttemptAt, @Nullable String lastError, Instant createdAt,
                    @Nullable Instant sentAt) {
}
