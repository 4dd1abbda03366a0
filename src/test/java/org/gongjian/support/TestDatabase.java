package org.gongjian.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Chooses the test database: in-memory H2 by default, a fresh schema in a real PostgreSQL when
 * {@code GONGJIAN_TEST_DB=postgres} (CI always). The schema is created once per JVM and dropped at exit.
 */
public final class TestDatabase {

    public static final String PG_URL = env("GONGJIAN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = env("GONGJIAN_TEST_PG_USER", "postgres");
    public static final String PG_PASSWORD = env("GONGJIAN_TEST_PG_PASSWORD", "");

    private static String schema;

    private TestDatabase() {
    }

    public static boolean postgresRequested() {
        return "postgres".equalsIgnoreCase(env("GONGJIAN_TEST_DB", ""));
    }

    public static boolean onCi() {
        return "true".equalsIgnoreCase(env("CI", ""));
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (!postgresRequested()) {
            return;
        }
        String name = schema();
        registry.add("spring.datasource.url", () -> PG_URL + "?currentSchema=" + name);
        registry.add("spring.datasource.username", () -> PG_USER);
        registry.add("spring.datasource.password", () -> PG_PASSWORD);
        registry.add("spring.flyway.default-schema", () -> name);
        registry.add("spring.flyway.schemas", () -> name);
    }

    /** A new schema in the test database; fails loudly when PostgreSQL was asked for but can't be reached. */
    public static synchronized String schema() {
        if (schema == null) {
            schema = createSchema();
            String created = schema;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(created)));
        }
        return schema;
    }

    public static String createSchema() {
        String name = "gj_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = connect()) {
            c.createStatement().execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL was requested (GONGJIAN_TEST_DB=postgres) but " + PG_URL
                    + " as " + PG_USER + " is not reachable: " + e.getMessage(), e);
        }
        return name;
    }

    public static void dropSchema(String name) {
        try (Connection c = connect()) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            // Best effort at JVM exit; a leftover schema in a scratch database harms nothing.
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
