package org.gongjian.shared;

import org.jspecify.annotations.Nullable;

/**
 * Published by every module for every state change, inside the writing transaction, so that the audit trail
 * commits or rolls back together with the change it describes. Actor and client address are added by the audit
 * module from the request; {@code actor} names who acted when the request has nobody signed in yet (a login).
 */
public record AuditableChange(String action, String entityType, @Nullable String entityId,
                              @Nullable Object before, @Nullable Object after, @Nullable String actor) {

    public AuditableChange(String action, String entityType, @Nullable String entityId, @Nullable Object before,
                           @Nullable Object after) {
        this(action, entityType, entityId, before, after, null);
    }

    public static AuditableChange created(String entityType, Object id, Object after) {
        return new AuditableChange(entityType + ".create", entityType, String.valueOf(id), null, after);
    }

    public static AuditableChange updated(String entityType, Object id, Object before, Object after) {
        return new AuditableChange(entityType + ".update", entityType, String.valueOf(id), before, after);
    }
}
