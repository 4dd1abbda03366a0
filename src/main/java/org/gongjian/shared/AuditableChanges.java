package org.gongjian.shared;

import java.util.List;

/**
 * Many {@link AuditableChange}s of one operation (the tasks of a workbook import), published at once so the audit
 * trail writes their rows — one row each, as if published one by one — in batched statements instead of one round
 * trip per row. Same transaction rule: the rows commit or roll back with the change.
 */
public record AuditableChanges(List<AuditableChange> changes) {

    public AuditableChanges {
        changes = List.copyOf(changes);
    }
}
