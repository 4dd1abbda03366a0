package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts about the machine a run was taken on. */
final class Machine {

    private Machine() {
    }

    static Map<String, String> facts(String jdbcUrl, String pid) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date (UTC)", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString());
        facts.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("memory", read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal")).findFirst().orElse("?")
                .replaceAll("\\s+", " "));
        facts.put("cpu", read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst().orElse("?")
                .replaceAll(".*:\\s*", ""));
        facts.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        facts.put("load average before", loadAverage());
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT version()")) {
                rs.next();
                facts.put("PostgreSQL", rs.getString(1));
            }
            StringBuilder settings = new StringBuilder();
            try (ResultSet rs = st.executeQuery("""
                    SELECT name, setting, coalesce(unit, '') FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit',
                    'fsync', 'work_mem', 'max_connections', 'effective_cache_size', 'wal_level', 'checkpoint_timeout',
                    'max_wal_size', 'random_page_cost', 'jit', 'autovacuum') ORDER BY name""")) {
                while (rs.next()) {
                    settings.append(rs.getString(1)).append('=').append(rs.getString(2)).append(rs.getString(3)).append(' ');
                }
            }
            facts.put("PostgreSQL settings", settings.toString().trim());
        } catch (SQLException e) {
            facts.put("PostgreSQL", "unreadable: " + e.getMessage());
        }
        facts.put("app commit", System.getenv().getOrDefault("BENCH_APP_COMMIT", "?"));
        facts.put("workload sizes", "clients=" + System.getenv().getOrDefault("BENCH_CLIENTS", "8") + " parents="
                + System.getenv().getOrDefault("BENCH_PARENTS", "500") + " subtasks/parent="
                + System.getenv().getOrDefault("BENCH_SUBTASKS", "9") + " updates=" + System.getenv().getOrDefault("BENCH_UPDATES", "2000")
                + " importRows=" + System.getenv().getOrDefault("BENCH_IMPORT_ROWS", "10000") + " reads="
                + System.getenv().getOrDefault("BENCH_READS", "1000") + " bulkTasks=" + System.getenv().getOrDefault("BENCH_BULK", "0"));
        facts.put("app JVM", System.getenv().getOrDefault("BENCH_APP_JAVA_OPTS", "(default flags)"));
        return facts;
    }

    static String loadAverage() {
        return read("/proc/loadavg").trim();
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
