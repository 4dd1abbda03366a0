package org.gongjian.shared;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Insert-or-update of one row by its key, in one statement. An UPDATE followed by an INSERT when it found nothing lets
 * two first writers of a key both insert; the second waits for the first's commit and fails on the key (on PostgreSQL
 * its transaction is then aborted, whatever catches the exception). PostgreSQL: {@code INSERT … ON CONFLICT (key) DO
 * UPDATE}, so the second updates the row the first made. H2: {@code MERGE INTO … KEY (key)} (one statement, but H2
 * gives no such guarantee under concurrent first writers; the embedded database serves one demo node).
 */
@Component
public class Upserts {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcClient jdbc;
    private final DatabaseKind database;

    Upserts(JdbcClient jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Writes {@code row} (column → value, the key columns among them) into {@code table}: inserted, or its other
     * columns set on the row that already holds its key. Names are the caller's constants, never input.
     */
    public void put(String table, Map<String, ?> row, String... key) {
        jdbc.sql(statement(table, List.copyOf(row.keySet()), List.of(key), database.postgres())).params(row).update();
    }

    static String statement(String table, List<String> columns, List<String> key, boolean postgres) {
        check(table);
        columns.forEach(Upserts::check);
        if (key.isEmpty() || !columns.containsAll(key)) {
            throw new IllegalArgumentException("the key " + key + " must be among the columns " + columns);
        }
        String names = String.join(", ", columns);
        String values = columns.stream().map(c -> ":" + c).collect(Collectors.joining(", "));
        if (!postgres) {
            return "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", key) + ") VALUES (" + values + ")";
        }
        List<String> others = columns.stream().filter(c -> !key.contains(c)).toList();
        String onConflict = others.isEmpty() ? "DO NOTHING"
                : "DO UPDATE SET " + others.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON CONFLICT ("
                + String.join(", ", key) + ") " + onConflict;
    }

    private static void check(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL name: " + name);
        }
    }
}
