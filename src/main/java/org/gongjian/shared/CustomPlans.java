package org.gongjian.shared;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL plans a statement the driver has prepared five times on a connection once, for any parameters (a
 * generic plan), when it guesses that plan no dearer. For a long IN list that guess is wrong: the generic plan tests
 * each row against the whole list one value at a time, where the plan made for the values hashes them (issue #18: a
 * 1,000-title check took ~1 s instead of 10–40 ms once the import's slices had run five times). {@link #forThisTransaction}
 * makes PostgreSQL plan every statement for its parameters until the transaction ends. Nothing on H2.
 */
@Component
public class CustomPlans {

    private final JdbcTemplate jdbc;
    private final DatabaseKind database;

    CustomPlans(JdbcTemplate jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** Call inside a transaction, before the statements that need it: SET LOCAL ends with the transaction. */
    public void forThisTransaction() {
        if (database.postgres()) {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }
}
