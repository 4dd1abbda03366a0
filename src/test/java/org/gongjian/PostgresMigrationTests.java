package org.gongjian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrations on a real PostgreSQL, whatever database the rest of the suite uses. Skips with a message when
 * PostgreSQL is not reachable, except under CI ({@code CI=true}), where it fails instead.
 */
class PostgresMigrationTests {

    static String schema;

    @BeforeAll
    static void migrateFreshSchema() {
        try (Connection ignored = TestDatabase.connect()) {
            // reachable
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + TestDatabase.PG_URL + " as " + TestDatabase.PG_USER
                    + " (" + e.getMessage() + ")";
            if (TestDatabase.onCi()) {
                throw new IllegalStateException("CI=true: " + message, e);
            }
            Assumptions.abort("Skipped: " + message + ". Set GONGJIAN_TEST_PG_URL/USER or start PostgreSQL.");
        }
        schema = TestDatabase.createSchema();
        Flyway.configure().dataSource(TestDatabase.PG_URL, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD)
                .schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load().migrate();
    }

    @AfterAll
    static void drop() {
        if (schema != null) {
            TestDatabase.dropSchema(schema);
        }
    }

    @Test
    void auditTrailRefusesUpdateAndDelete() throws SQLException {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            s.execute("INSERT INTO audit_event (occurred_at, actor, action, entity_type) VALUES (now(), 'a', 'x', 'unit')");
            assertThatThrownBy(() -> s.execute("UPDATE audit_event SET actor = 'b'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("DELETE FROM audit_event")).hasMessageContaining("append-only");
        }
    }

    @Test
    void scopeQueriesMatchTheMaterialisedPath() throws SQLException {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            s.execute("INSERT INTO unit (id, kind, name, code, path, depth, sort_order, created_at) VALUES "
                    + "(1, 'COUNTY', '县', 'k', '/1/', 0, 1, now()), (2, 'TOWNSHIP', '甲镇', 'a', '/1/2/', 1, 2, now()),"
                    + "(3, 'TOWNSHIP', '乙镇', 'b', '/1/3/', 1, 3, now()), (12, 'VILLAGE', '村', 'v', '/1/2/12/', 2, 4, now())");
            ResultSet rs = s.executeQuery("SELECT string_agg(name, ',' ORDER BY id) FROM unit WHERE path LIKE '/1/2/' || '%'");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("甲镇,村");
        }
    }
}
