package org.gongjian.shared;

import java.sql.PreparedStatement;

import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * PostgreSQL statements that take whole columns as arrays ({@code unnest(?::bigint[], …)}, {@code = ANY(?)}): one
 * statement for a slice of rows where a JDBC batch is still one statement per row, each firing the table's statement
 * triggers and paying its own round of parse, bind and execute. PostgreSQL only; H2 callers keep their batches.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** One array parameter: its SQL element type ({@code bigint}, {@code varchar}, {@code date}, …) and values. */
    public record Column(String type, Object[] values) {}

    public static Column of(String type, Object[] values) {
        return new Column(type, values);
    }

    /** The statement with each column bound, in order, as an array. */
    public static PreparedStatementCreator statement(String sql, Column... columns) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < columns.length; i++) {
                statement.setArray(i + 1, connection.createArrayOf(columns[i].type(), columns[i].values()));
            }
            return statement;
        };
    }
}
