package org.gongjian.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of the audit trail. */
record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
                  @Nullable String entityId, @Nullable String before, @Nullable String after,
                  @Nullable String clientAddress) {
}
