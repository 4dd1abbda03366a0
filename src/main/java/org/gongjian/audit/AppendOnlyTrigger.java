package org.gongjian.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * On the embedded H2 database, refuses UPDATE and DELETE on audit_event, as the PostgreSQL trigger does: the audit
 * trail is append-only whatever database runs it.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only");
    }
}
