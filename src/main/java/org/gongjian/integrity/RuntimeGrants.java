package org.gongjian.integrity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway {@code afterMigrate} on PostgreSQL when migrations run as a separate owner user: the runtime user gets
 * the data rights it needs on every table and sequence of the schema, but on {@code audit_event} only SELECT and
 * INSERT — no UPDATE, DELETE, TRUNCATE, TRIGGER or REFERENCES. It does not own any table (so it can't disable the
 * append-only trigger) and must not be a superuser or replication role (so it can't set
 * {@code session_replication_role}); a runtime user with those attributes refuses to start.
 */
public final class RuntimeGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(RuntimeGrants.class);

    private final String runtimeUser;

    public RuntimeGrants(String runtimeUser) {
        if (!runtimeUser.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalStateException("运行期数据库用户名只能由字母、数字和下划线组成：" + runtimeUser);
        }
        this.runtimeUser = runtimeUser;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            apply(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("运行期数据库用户授权失败：" + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "least-privilege-runtime-grants";
    }

    public void apply(Connection connection) throws SQLException {
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql")) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            String schema;
            String owner;
            try (var rs = st.executeQuery("SELECT current_schema(), current_user")) {
                rs.next();
                schema = rs.getString(1);
                owner = rs.getString(2);
            }
            if (runtimeUser.equals(owner)) {
                return;
            }
            try (var rs = st.executeQuery("SELECT rolsuper, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = '" + runtimeUser + "'")) {
                if (!rs.next()) {
                    throw new IllegalStateException("运行期数据库用户 " + runtimeUser + " 不存在");
                }
                if (rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3)) {
                    throw new IllegalStateException("运行期数据库用户 " + runtimeUser
                            + " 不得是超级用户、复制角色或绕过行级安全的角色（它能关闭审计表触发器或设置 session_replication_role）");
                }
            }
            String s = quote(schema);
            String r = quote(runtimeUser);
            st.execute("GRANT USAGE ON SCHEMA " + s + " TO " + r);
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + s + " TO " + r);
            st.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + s + " TO " + r);
            st.execute("REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON " + s + ".audit_event FROM " + r);
            // The read trail: rows are appended, and deleted only by the retention job once old enough (its trigger
            // refuses younger ones); nobody rewrites or empties it, and the retention floor row can't be removed.
            st.execute("REVOKE UPDATE, TRUNCATE, TRIGGER, REFERENCES ON " + s + ".audit_read FROM " + r);
            st.execute("REVOKE DELETE, TRUNCATE, TRIGGER, REFERENCES ON " + s + ".audit_read_policy FROM " + r);
            st.execute("REVOKE ALL ON " + s + ".flyway_schema_history FROM " + r);
            st.execute("GRANT SELECT ON " + s + ".flyway_schema_history TO " + r);
            log.info("least privilege: runtime user {} may only SELECT and INSERT on {}.audit_event", runtimeUser, schema);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
