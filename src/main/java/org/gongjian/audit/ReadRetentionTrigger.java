package org.gongjian.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * On the embedded H2 database, what the PostgreSQL trigger does for audit_read: no UPDATE, and no DELETE of a row
 * younger than the retention in audit_read_policy.
 */
public class ReadRetentionTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null) {
            throw new SQLException("audit_read is append-only");
        }
        try (PreparedStatement young = connection.prepareStatement("""
                SELECT COUNT(*) FROM audit_read r, audit_read_policy p
                WHERE r.id = ? AND p.id = 1 AND r.occurred_at > DATEADD(DAY, -p.retention_days, CURRENT_TIMESTAMP)""")) {
            young.setObject(1, oldRow[0]);
            try (ResultSet rs = young.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    throw new SQLException("audit_read rows younger than their retention are kept");
                }
            }
        }
    }
}
