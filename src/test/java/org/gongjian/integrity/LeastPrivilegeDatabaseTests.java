package org.gongjian.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL (GONGJIAN_TEST_DB=postgres): the schema migrated by an owner user with the application's own
 * migrations and {@link RuntimeGrants}; the runtime user then reads and appends to the audit trail and works on
 * the other tables, but can't UPDATE, DELETE or TRUNCATE audit_event, disable its trigger, add a trigger, or set
 * session_replication_role. A superuser as runtime user refuses the migration.
 */
class LeastPrivilegeDatabaseTests {

    private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
    private final String schema = "gj_lp_" + tag;
    private final String owner = "gj_owner_" + tag;
    private final String runtime = "gj_runtime_" + tag;

    @BeforeEach
    void ownerAndRuntimeUsers() throws SQLException {
        Assumptions.assumeTrue(TestDatabase.postgresRequested(), "PostgreSQL only (GONGJIAN_TEST_DB=postgres)");
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + owner + " LOGIN NOSUPERUSER NOCREATEROLE NOREPLICATION");
            st.execute("CREATE ROLE " + runtime + " LOGIN NOSUPERUSER NOCREATEROLE NOREPLICATION");
            st.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + owner);
        }
    }

    @AfterEach
    void dropThem() throws SQLException {
        if (!TestDatabase.postgresRequested()) {
            return;
        }
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            for (String role : new String[] {runtime, owner}) {
                st.execute("DROP OWNED BY " + role);
                st.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void theRuntimeUserCanAppendToTheTrailButNotAlterIt() throws SQLException {
        migrate(runtime);
        try (Connection c = as(runtime); Statement st = c.createStatement()) {
            st.execute("INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id) "
                    + "VALUES (CURRENT_TIMESTAMP, 'tester', 'unit.create', 'unit', '1')");
            try (var rs = st.executeQuery("SELECT COUNT(*) FROM audit_event")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            // The other tables are the runtime user's to work on.
            st.execute("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('t', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'me')");
            assertThat(st.executeUpdate("UPDATE shedlock SET locked_by = 'you' WHERE name = 't'")).isEqualTo(1);
            assertThat(st.executeUpdate("DELETE FROM shedlock WHERE name = 't'")).isEqualTo(1);

            refused(st, "UPDATE audit_event SET actor = 'someone else'", "permission denied");
            refused(st, "DELETE FROM audit_event", "permission denied");
            refused(st, "TRUNCATE audit_event", "permission denied");
            refused(st, "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete", "must be owner");
            refused(st, "ALTER TABLE audit_event DISABLE TRIGGER ALL", "must be owner");
            refused(st, "DROP TRIGGER audit_event_no_update_delete ON audit_event", "must be owner");
            refused(st, "CREATE TRIGGER sneaky BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
                    "permission denied");
            refused(st, "SET session_replication_role = replica", "permission denied");
            refused(st, "DROP TABLE audit_event", "must be owner");
            refused(st, "DELETE FROM flyway_schema_history", "permission denied");
            refused(st, "UPDATE audit_read SET actor = 'someone else'", "permission denied");
            refused(st, "TRUNCATE audit_read", "permission denied");
            refused(st, "DELETE FROM audit_read_policy", "permission denied");
        }
        try (Connection c = as(runtime); Statement st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM audit_event")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void aSuperuserAsRuntimeUserRefusesTheMigration() {
        assertThatThrownBy(() -> migrate(TestDatabase.PG_USER)).hasStackTraceContaining("不得是超级用户");
    }

    private void migrate(String runtimeUser) {
        Flyway.configure().dataSource(url(), owner, "").schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .callbacks(new RuntimeGrants(runtimeUser)).load().migrate();
    }

    private static void refused(Statement st, String sql, String why) {
        assertThatThrownBy(() -> st.execute(sql)).as(sql).isInstanceOf(SQLException.class).hasMessageContaining(why);
    }

    private String url() {
        return TestDatabase.PG_URL + "?currentSchema=" + schema;
    }

    private Connection as(String user) throws SQLException {
        Connection c = DriverManager.getConnection(url(), user, "");
        c.setAutoCommit(true);
        return c;
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD);
    }
}
