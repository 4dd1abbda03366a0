package org.gongjian.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database the node runs on, for the few statements whose best form differs (a lock mode, a planner setting):
 * PostgreSQL in production, H2 for the embedded default. Asked once, on first use, not at start-up.
 */
@Component
public class DatabaseKind {

    private final DataSource dataSource;
    private volatile Boolean postgres;

    DatabaseKind(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database this is", e);
            }
            postgres = known;
        }
        return known;
    }
}
