package bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What a progress update writes, measured from PostgreSQL's own counters (pg_stat_user_tables, pg_stat_database)
 * around 20 sequential updates per phase, and the JDBC floor: the same rows (copied from the real tables) inserted,
 * updated and deleted straight through JDBC in the same number of transactions per phase, at the same concurrency.
 */
final class Writes {

    static final String[] PHASES = {"create", "submit", "approve"};
    static final int N = 20;
    /** PostgreSQL 15 flushes a backend's counters at most once a second, an idle one within 10 s. */
    static final long FLUSH_MS = 11_500;

    record Counts(long ins, long upd, long del, long scans) {
        Counts minus(Counts o) {
            return new Counts(ins - o.ins, upd - o.upd, del - o.del, scans - o.scans);
        }
    }

    final Bench bench;
    /** phase → table → counts over N updates */
    final List<Map<String, Counts>> phases = new ArrayList<>();
    final long[] xacts = new long[3];
    final long[] requests = new long[3];

    private Writes(Bench bench) {
        this.bench = bench;
    }

    static Writes calibrate(Bench bench, List<long[]> targets) throws Exception {
        Writes w = new Writes(bench);
        sleep();
        Snapshot before = w.snapshot();
        long[] reports = new long[targets.size()];
        for (int phase = 0; phase < 3; phase++) {
            for (int i = 0; i < targets.size(); i++) {
                long[] t = targets.get(i);
                Bench.Reply reply;
                if (phase == 0) {
                    var body = Bench.JSON.createObjectNode().put("progressText", "按计划推进").put("problems", "无").put("nextSteps", "继续");
                    body.putArray("indicatorValues").addObject().put("indicatorId", t[1]).put("value", 30);
                    reply = bench.call("POST", "/api/v1/tasks/" + t[0] + "/reports", bench.admin, body);
                    if (reply.ok()) {
                        reports[i] = reply.json().get("id").asLong();
                    }
                } else if (phase == 1) {
                    reply = bench.call("POST", "/api/v1/reports/" + reports[i] + "/submit", bench.admin, null);
                } else {
                    reply = bench.call("POST", "/api/v1/reports/" + reports[i] + "/approve", bench.office, null);
                }
                if (!reply.ok()) {
                    throw new IllegalStateException("calibration " + PHASES[phase] + ": " + reply.status() + " " + reply.text());
                }
            }
            sleep();
            Snapshot after = w.snapshot();
            Map<String, Counts> delta = new TreeMap<>();
            for (var e : after.tables.entrySet()) {
                Counts b = before.tables.getOrDefault(e.getKey(), new Counts(0, 0, 0, 0));
                Counts d = e.getValue().minus(b);
                if (d.ins() != 0 || d.upd() != 0 || d.del() != 0 || d.scans() != 0) {
                    delta.put(e.getKey(), d);
                }
            }
            w.phases.add(delta);
            w.xacts[phase] = after.xacts - before.xacts - 1; // minus the snapshot's own transaction
            w.requests[phase] = targets.size();
            before = after;
        }
        return w;
    }

    private static void sleep() throws InterruptedException {
        Thread.sleep(FLUSH_MS);
    }

    record Snapshot(Map<String, Counts> tables, long xacts) {}

    Snapshot snapshot() throws SQLException {
        try (Connection c = bench.db(); Statement st = c.createStatement()) {
            Map<String, Counts> tables = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(seq_scan, 0) + coalesce(idx_scan, 0),
                      (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())
                    FROM pg_stat_user_tables WHERE schemaname = 'public' AND relname NOT LIKE 'floor\\_%'""")) {
                long xacts = 0;
                while (rs.next()) {
                    tables.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                    xacts = rs.getLong(6);
                }
                return new Snapshot(tables, xacts);
            }
        }
    }

    String table() {
        StringBuilder s = new StringBuilder("\n### What one progress update writes (PostgreSQL counters over ")
                .append(N).append(" sequential updates per phase)\n\n")
                .append("| phase | table | rows inserted | rows updated | rows deleted | table scans (seq + index) |\n|---|---|---|---|---|---|\n");
        for (int p = 0; p < 3; p++) {
            long ins = 0, upd = 0, del = 0, scans = 0;
            for (var e : phases.get(p).entrySet()) {
                Counts c = e.getValue();
                s.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f |%n", PHASES[p], e.getKey(),
                        c.ins() / (double) N, c.upd() / (double) N, c.del() / (double) N, c.scans() / (double) N));
                ins += c.ins();
                upd += c.upd();
                del += c.del();
                scans += c.scans();
            }
            s.append(String.format(Locale.ROOT, "| **%s total** | %.1f transactions per request | **%.2f** | **%.2f** | **%.2f** | **%.2f** |%n",
                    PHASES[p], xacts[p] / (double) N, ins / (double) N, upd / (double) N, del / (double) N, scans / (double) N));
        }
        return s.toString();
    }

    // ------------------------------------------------------------------ the floor

    /** A table the floor writes: a copy without constraints plus its own key, and sample rows from the real table. */
    static final class FloorTable {
        String name;
        List<String> columns = new ArrayList<>();
        List<Object[]> samples = new ArrayList<>();
        ConcurrentLinkedQueue<Long> keys = new ConcurrentLinkedQueue<>();
        String insert;
    }

    Bench.Result floor(int updates, int clients) throws Exception {
        Map<String, FloorTable> tables = new LinkedHashMap<>();
        try (Connection c = bench.db(); Statement st = c.createStatement()) {
            for (Map<String, Counts> phase : phases) {
                for (var e : phase.entrySet()) {
                    Counts k = e.getValue();
                    if ((k.ins() > 0 || k.upd() > 0 || k.del() > 0) && !tables.containsKey(e.getKey())) {
                        tables.put(e.getKey(), floorTable(c, st, e.getKey(), updates * (int) Math.ceil((k.upd() + k.del()) / (double) N) + 100));
                    }
                }
            }
        }
        // per phase, per calibration slot j: the rows update j wrote (spread evenly), in the measured transaction count
        List<Connection> open = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection c = bench.db();
                c.setAutoCommit(false);
                open.add(c);
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Bench.Step op = i -> {
            Connection c = connections.get();
            try {
                int j = i % N;
                for (int p = 0; p < 3; p++) {
                    int tx = (int) Math.max(1, Math.round(xacts[p] / (double) N));
                    int t = 0;
                    List<Runnable> work = new ArrayList<>();
                    for (var e : phases.get(p).entrySet()) {
                        FloorTable table = tables.get(e.getKey());
                        if (table == null) {
                            continue;
                        }
                        Counts k = e.getValue();
                        for (int r = 0; r < share(k.ins(), j); r++) {
                            insert(c, table, r + i);
                        }
                        for (int r = 0; r < share(k.upd(), j); r++) {
                            update(c, table);
                        }
                        for (int r = 0; r < share(k.del(), j); r++) {
                            delete(c, table);
                        }
                        if (t < tx - 1) {
                            c.commit();
                            t++;
                        }
                    }
                    for (; t < tx; t++) {
                        c.commit();
                    }
                }
                return new Bench.Reply(200, new byte[0]);
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // reported below
                }
                return new Bench.Reply(597, String.valueOf(e.getMessage()).getBytes());
            }
        };
        Bench.Result result = bench.parallel("JDBC floor: the same rows, same transactions", updates, clients, op,
                "one op = the 3 phases' rows in the measured transactions");
        for (Connection c : open) {
            c.close();
        }
        try (Connection c = bench.db(); Statement st = c.createStatement()) {
            for (FloorTable t : tables.values()) {
                st.execute("DROP TABLE IF EXISTS " + t.name);
            }
        }
        return result;
    }

    /** Rows of update j of N when the calibration wrote {@code total} over N updates. */
    static long share(long total, int j) {
        return total * (j + 1) / N - total * j / N;
    }

    private FloorTable floorTable(Connection c, Statement st, String source, int seed) throws SQLException {
        FloorTable t = new FloorTable();
        t.name = "floor_" + source;
        st.execute("DROP TABLE IF EXISTS " + t.name);
        st.execute("CREATE TABLE " + t.name + " (LIKE " + source + " INCLUDING DEFAULTS)");
        st.execute("ALTER TABLE " + t.name + " ADD COLUMN floor_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + source + " LIMIT 50")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                t.columns.add(md.getColumnName(i));
            }
            while (rs.next()) {
                Object[] row = new Object[md.getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                t.samples.add(row);
            }
        }
        t.insert = "INSERT INTO " + t.name + " (" + String.join(", ", t.columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(t.columns.size(), "?")) + ") RETURNING floor_id";
        if (!t.samples.isEmpty()) {
            c.setAutoCommit(false);
            for (int i = 0; i < seed; i++) {
                insert(c, t, i);
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return t;
    }

    private static void insert(Connection c, FloorTable t, int i) throws SQLException {
        if (t.samples.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(t.insert)) {
            Object[] row = t.samples.get(i % t.samples.size());
            for (int k = 0; k < row.length; k++) {
                ps.setObject(k + 1, row[k]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                t.keys.add(rs.getLong(1));
            }
        }
    }

    private static void update(Connection c, FloorTable t) throws SQLException {
        Long key = t.keys.poll();
        if (key == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.name + " SET " + t.columns.get(t.columns.size() - 1)
                + " = " + t.columns.get(t.columns.size() - 1) + " WHERE floor_id = ?")) {
            ps.setLong(1, key);
            ps.executeUpdate();
        }
        t.keys.add(key);
    }

    private static void delete(Connection c, FloorTable t) throws SQLException {
        Long key = t.keys.poll();
        if (key == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t.name + " WHERE floor_id = ?")) {
            ps.setLong(1, key);
            ps.executeUpdate();
        }
    }
}
