package bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The load harness of issue #18. Modes:
 * <ul>
 *   <li>{@code prepare}: a bench campaign through the API, then (optionally) bulk background tasks straight into the tables;</li>
 *   <li>{@code run}: drives the running app over HTTP with concurrent clients and writes results.csv / results.md;</li>
 *   <li>{@code report}: puts the scales of one run side by side.</li>
 * </ul>
 * Settings come from environment variables set by {@code bench/run.sh}.
 */
public final class Bench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Gongjian@2026";

    final String base = env("BENCH_URL", "http://127.0.0.1:18800");
    final String jdbcUrl = env("BENCH_JDBC", "jdbc:postgresql://127.0.0.1:5432/gj_bench_county?user=postgres");
    final String scale = env("BENCH_SCALE", "county");
    final Path out = Path.of(env("BENCH_OUT", "bench/results/latest/county"));
    final int clients = Integer.parseInt(env("BENCH_CLIENTS", "8"));
    final int parents = Integer.parseInt(env("BENCH_PARENTS", "500"));
    final int subsPerParent = Integer.parseInt(env("BENCH_SUBTASKS", "9"));
    final int updates = Integer.parseInt(env("BENCH_UPDATES", "2000"));
    /** Progress updates on other subtasks before the timed ones (rounds of 250), for a JVM past its JIT warm-up. */
    final int warmupUpdates = Integer.parseInt(env("BENCH_WARMUP_UPDATES", "1000"));
    /**
     * Parents (each with its {@code subsPerParent} subtasks) created before the timed creates, as rows of their own, and
     * as many again in a round profiled with JFR after them (0 = cold, as every run before 2026-12-05-create-warm).
     */
    final int warmupCreates = Integer.parseInt(env("BENCH_WARMUP_CREATES", "0"));
    final int importRows = Integer.parseInt(env("BENCH_IMPORT_ROWS", "10000"));
    /**
     * Whether the new tasks are lit before the progress updates (BENCH_LIGHTS=0: not, as every run before
     * 2026-12-05-approve). A task without a light is left to the daily run, so an approval of one re-lit nothing: the
     * updates never ran the approval's chain re-light, its light moves, counts and history.
     */
    final boolean lights = !"0".equals(env("BENCH_LIGHTS", "1"));
    final int bulk = Integer.parseInt(env("BENCH_BULK", "0"));
    final int reads = Integer.parseInt(env("BENCH_READS", "1000"));
    final String pid = env("BENCH_PID", "");
    /** BENCH_ONLY=create,update,floor runs only those workloads (empty: all); update needs create, floor needs update. */
    final java.util.Set<String> only = java.util.Set.of(env("BENCH_ONLY", "").split("\\s*,\\s*")).stream()
            .filter(w -> !w.isBlank()).collect(java.util.stream.Collectors.toSet());

    boolean wanted(String workload) {
        return only.isEmpty() || only.contains(workload);
    }
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    final List<Result> results = new ArrayList<>();
    final StringBuilder notes = new StringBuilder();

    record Result(String workload, long requests, long errors, double seconds, Histogram ms, String note) {
        double rate() {
            return requests / seconds;
        }
    }

    /** One result row from the comma-separated ms figures run.sh passes in {@code variable} (none: no row). */
    void startupResult(String variable, String workload, String note) {
        String figures = env(variable, "");
        if (figures.isBlank()) {
            return;
        }
        Histogram h = new Histogram(3);
        for (String s : figures.split(",")) {
            h.recordValue(Long.parseLong(s.trim()) * 1000);
        }
        results.add(new Result(workload, h.getTotalCount(), 0, h.getTotalCount(), h, note));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        switch (args.length == 0 ? "" : args[0]) {
            case "prepare" -> bench.prepare();
            case "run" -> bench.run();
            case "report" -> Report.write(Path.of(args[1]), List.of(args).subList(2, args.length));
            default -> throw new IllegalArgumentException("usage: Bench prepare|run|report <dir> <scale>...");
        }
    }

    // ------------------------------------------------------------------ HTTP

    record Reply(int status, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text() {
            return new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
        }
    }

    Reply call(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body instanceof byte[] bytes) {
                String boundary = "bench" + UUID.randomUUID();
                ByteArrayOutputStream multipart = new ByteArrayOutputStream();
                multipart.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tasks.xlsx\"\r\n"
                        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                multipart.writeBytes(bytes);
                multipart.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray()));
            } else if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(599, String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token(String username) {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", PASSWORD);
        Reply reply = call("POST", "/api/v1/auth/tokens", null, body);
        if (!reply.ok()) {
            throw new IllegalStateException("login " + username + ": " + reply.status() + " " + reply.text());
        }
        return reply.json().get("token").asText();
    }

    static Reply require(Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + ": " + reply.status() + " " + reply.text());
        }
        return reply;
    }

    /** One timed step of a workload: the reply, or a failure counted as an error. */
    interface Step {
        Reply run(int i);
    }

    /** Runs {@code n} operations over the clients; every HTTP call an operation makes is one op unless it says. */
    Result parallel(String workload, int n, int threads, Step step, String note) {
        ConcurrentHistogram histogram = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        Map<String, Integer> samples = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    long t0 = System.nanoTime();
                    Reply reply;
                    try {
                        reply = step.run(i);
                    } catch (RuntimeException e) {
                        reply = new Reply(598, String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
                    }
                    histogram.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000));
                    if (!reply.ok()) {
                        errors.incrementAndGet();
                        samples.merge(reply.status() + " " + reply.text(), 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Result result = new Result(workload, n, errors.get(), seconds, histogram, note);
        results.add(result);
        System.out.printf(Locale.ROOT, "%-52s %6d ops %4d err %8.1f /s  p50 %8.1f  p95 %8.1f  p99 %8.1f ms%n", workload, n,
                errors.get(), result.rate(), ms(histogram, 50), ms(histogram, 95), ms(histogram, 99));
        if (!samples.isEmpty()) {
            notes.append("\nErrors in ").append(workload).append(":\n");
            samples.entrySet().stream().limit(5).forEach(e -> notes.append("- ").append(e.getValue()).append("× `")
                    .append(e.getKey().replace('\n', ' ').replace('`', '\'')).append("`\n"));
            System.out.println("  errors: " + samples.keySet().stream().limit(3).toList());
        }
        return result;
    }

    static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    // ------------------------------------------------------------------ JDBC

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    long queryLong(String sql, Object... args) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<Long> queryIds(String sql, Object... args) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    // ------------------------------------------------------------------ prepare

    static final List<String> CATEGORIES = List.of("脱贫攻坚", "生态环保", "社会稳定", "民生改善", "城市社区治理", "人才工作",
            "改革创新", "项目建设", "招商引资");
    static final List<String> LIGHTS = List.of("GREEN", "GREEN", "GREEN", "YELLOW", "RED", "DONE");

    void prepare() throws Exception {
        Files.createDirectories(out);
        String admin = token("admin");
        long city = queryLong("SELECT id FROM unit WHERE code = 'P01C01'");
        ObjectNode campaign = JSON.createObjectNode().put("name", "性能测试攻坚行动-" + scale).put("year", 2026)
                .put("startDate", "2026-01-01").put("endDate", "2026-12-31").put("ownerUnitId", city)
                .put("reportingFrequency", "MONTHLY");
        long campaignId = require(call("POST", "/api/v1/campaigns", admin, campaign), "create campaign").json().get("id").asLong();
        Properties state = new Properties();
        state.setProperty("campaign", String.valueOf(campaignId));
        state.setProperty("city", String.valueOf(city));
        long started = System.nanoTime();
        int addCounties = Integer.parseInt(env("BENCH_ADD_COUNTIES", "0"));
        if (addCounties > 0) {
            addCounties(city, addCounties);
        }
        if (bulk > 0) {
            bulkTasks(campaignId, city);
        }
        state.setProperty("bulkSeconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
        try (var w = Files.newBufferedWriter(out.resolve("state.properties"))) {
            state.store(w, "bench state");
        }
        System.out.printf("prepared campaign %d with %d bulk tasks%n", campaignId, bulk);
    }

    /**
     * A city from the county demo: {@code n} more counties of 12 townships × 25 villages under the city, straight into
     * the unit table (code, materialised path, depth as the app writes them), for a city-scale unit tree in minutes.
     */
    void addCounties(long city, int n) throws SQLException {
        try (Connection c = db()) {
            c.setAutoCommit(false);
            for (int k = 2; k <= n + 1; k++) {
                long county = unit(c, city, "COUNTY", "测试县" + k, "P01C01K%02d".formatted(k));
                for (int t = 1; t <= 12; t++) {
                    long town = unit(c, county, "TOWNSHIP", "测试县" + k + "第" + t + "镇", "P01C01K%02dT%02d".formatted(k, t));
                    for (int v = 1; v <= 25; v++) {
                        unit(c, town, "VILLAGE", "测试县" + k + "第" + t + "镇" + v + "村", "P01C01K%02dT%02dV%02d".formatted(k, t, v));
                    }
                }
            }
            c.commit();
        }
    }

    private long unit(Connection c, long parent, String kind, String name, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO unit (parent_id, kind, name, code, path, depth, sort_order, created_at)
                SELECT id, ?, ?, ?, path, depth + 1, 0, CURRENT_TIMESTAMP FROM unit WHERE id = ? RETURNING id""")) {
            ps.setString(1, kind);
            ps.setString(2, name);
            ps.setString(3, code);
            ps.setLong(4, parent);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                try (PreparedStatement up = c.prepareStatement("UPDATE unit SET path = path || ? || '/', sort_order = ? WHERE id = ?")) {
                    up.setString(1, String.valueOf(id));
                    up.setLong(2, id);
                    up.setLong(3, id);
                    up.executeUpdate();
                }
                return id;
            }
        }
    }

    private static boolean reasonTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('task_light_reason') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Background volume: tasks with their light state, maintained counts and light history, over the city's townships and villages. */
    void bulkTasks(long campaignId, long city) throws SQLException {
        List<Long> leads = queryIds("""
                SELECT u.id FROM unit u JOIN unit c ON c.id = ? WHERE u.path LIKE c.path || '%'
                AND u.kind IN ('TOWNSHIP', 'VILLAGE') ORDER BY u.id""", city);
        try (Connection c = db()) {
            c.setAutoCommit(false);
            // since V2026_12_12_0900 the reasons have a table of their own; an older jar's schema has the column
            boolean reasonTable = reasonTable(c);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO task (campaign_id, title, category, lead_unit_id, weight, start_date, due_date,
                        progress, light%s, created_at, updated_at, version)
                    VALUES (?, ?, ?, ?, 1, DATE '2026-01-01', DATE '2026-12-31', ?, ?%s,
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""".formatted(reasonTable ? "" : ", light_reasons",
                    reasonTable ? "" : ", '节点“完成方案”已逾期3天'"))) {
                for (int i = 0; i < bulk; i++) {
                    ps.setLong(1, campaignId);
                    ps.setString(2, "批量任务" + i);
                    ps.setString(3, CATEGORIES.get(i % CATEGORIES.size()));
                    ps.setLong(4, leads.get(i % leads.size()));
                    ps.setInt(5, (i * 37) % 100);
                    ps.setString(6, LIGHTS.get(i % LIGHTS.size()));
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                if (reasonTable) {
                    st.executeUpdate("""
                            INSERT INTO task_light_reason (task_id, reasons)
                            SELECT id, '节点“完成方案”已逾期3天' FROM task WHERE campaign_id = %d AND title LIKE '批量任务%%'"""
                            .formatted(campaignId));
                }
                st.executeUpdate("""
                        INSERT INTO indicator (task_id, name, unit, baseline, target, direction, sort_order)
                        SELECT id, '完成量', '个', 0, 100, 'HIGHER_IS_BETTER', 0 FROM task WHERE campaign_id = %d AND title LIKE '批量任务%%'""".formatted(campaignId));
                st.executeUpdate("""
                        INSERT INTO task_light_state (task_id, campaign_id, unit_id, category, top_level, light)
                        SELECT id, campaign_id, lead_unit_id, category, TRUE, light FROM task WHERE campaign_id = %d AND title LIKE '批量任务%%'""".formatted(campaignId));
                st.executeUpdate("""
                        INSERT INTO light_count (campaign_id, unit_id, category, top_level, light, task_count)
                        SELECT campaign_id, lead_unit_id, category, TRUE, light, COUNT(*) FROM task WHERE campaign_id = %d
                        AND title LIKE '批量任务%%' GROUP BY campaign_id, lead_unit_id, category, light""".formatted(campaignId));
                st.executeUpdate("""
                        INSERT INTO task_light_period (task_id, campaign_id, light, reasons, since_date, until_date)
                        SELECT id, campaign_id, light, '节点“完成方案”已逾期3天', DATE '2026-05-01', NULL FROM task
                        WHERE campaign_id = %d AND title LIKE '批量任务%%'""".formatted(campaignId));
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                // what campaign.TaskTally's minutely job does (switched off in the harness, GONGJIAN_SCHEDULING=false):
                // each batched INSERT above appended a tally row, 10⁶ rows that every whole-campaign list total summed
                st.executeUpdate("""
                        WITH folded AS (DELETE FROM task_tally RETURNING campaign_id, category, light, top_level, task_count)
                        INSERT INTO task_tally (campaign_id, category, light, top_level, task_count)
                        SELECT campaign_id, category, light, top_level, SUM(task_count) FROM folded
                        GROUP BY campaign_id, category, light, top_level HAVING SUM(task_count) <> 0""");
                // the same for the tally by unit subtree (campaign.SubtreeTally): a row per statement and ancestor
                st.executeUpdate("""
                        WITH touched AS (SELECT DISTINCT campaign_id, unit_id FROM task_subtree_tally WHERE appended),
                        folded AS (DELETE FROM task_subtree_tally s USING touched k
                                   WHERE s.campaign_id = k.campaign_id AND s.unit_id = k.unit_id
                                   RETURNING s.campaign_id, s.unit_id, s.category, s.light, s.top_level, s.task_count)
                        INSERT INTO task_subtree_tally (campaign_id, unit_id, category, light, top_level, task_count, appended)
                        SELECT campaign_id, unit_id, category, light, top_level, SUM(task_count), FALSE FROM folded
                        GROUP BY campaign_id, unit_id, category, light, top_level HAVING SUM(task_count) <> 0""");
                // and what autovacuum would do next (off on the build server): 10⁶ dead tally rows left in its index
                // made the folded tally's 36-row sum 0.07–0.9 s
                st.execute("VACUUM task_tally");
                st.execute("VACUUM task_subtree_tally");
                st.execute("ANALYZE");
            }
        }
    }

    // ------------------------------------------------------------------ run

    long campaignId;
    String admin;
    String office;

    void run() throws Exception {
        Properties state = new Properties();
        if (Files.exists(out.resolve("state.properties"))) {
            try (var r = Files.newBufferedReader(out.resolve("state.properties"))) {
                state.load(r);
            }
            campaignId = Long.parseLong(state.getProperty("campaign"));
        } else {
            // a database loaded by an earlier run (BENCH_REUSE_DB=1): its bench campaign, found by the name prepare gives it
            campaignId = queryLong("SELECT MAX(id) FROM campaign WHERE name = ?", "性能测试攻坚行动-" + scale);
        }
        admin = token("admin");
        office = token("duchashi");
        Map<String, String> facts = Machine.facts(jdbcUrl, pid);
        long county = queryLong("SELECT id FROM unit WHERE code = 'P01C01K01'");
        List<Long> townships = queryIds("SELECT id FROM unit WHERE parent_id = ? AND kind = 'TOWNSHIP' ORDER BY id", county);
        startupResult("BENCH_STARTUP_MS", "start-up to listening (existing database)",
                "ms from `java -jar` to the port answering; value = p50; launch: " + env("BENCH_LAUNCH", "jar"));
        startupResult("BENCH_STARTUP_CPU_MS", "start-up CPU to listening (user + system)", "ms of CPU the app used "
                + "by then (/proc stat), less sensitive to the machine's load than the wall time; value = p50");
        long tasksBefore = queryLong("SELECT count(*) FROM task");

        // 1. task create: parents (one indicator), then subtasks one request each (the 500 + 4,500); the
        // progress updates need its subtasks, the other workloads none of its tasks
        List<long[]> subtasks = Collections.synchronizedList(new ArrayList<>());
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        if (wanted("create") || wanted("update") || wanted("floor")) {
            create(townships, subtasks, run);
        }
        if (wanted("update") || wanted("floor")) {
            progressUpdates(subtasks);
        }
        if (wanted("reads")) {
            reads(county);
        }
        if (wanted("documents")) {
            documents(townships);
        }
        if (wanted("evaluate")) {
            evaluate();
        }
        if (wanted("import") || wanted("export")) {
            importExport(townships, run);
        }

        facts.put("tasks before the run", String.valueOf(tasksBefore));
        facts.put("tasks after the run", String.valueOf(queryLong("SELECT count(*) FROM task")));
        facts.put("load average after", Machine.loadAverage());
        if (!only.isEmpty()) {
            facts.put("workloads (BENCH_ONLY)", String.join(",", new java.util.TreeSet<>(only)));
        }
        Report.scale(out, scale, facts, results, notes.toString() + (writes == null ? "" : "\n" + writes.table()));
    }

    /**
     * Parents (one indicator each), then their subtasks one request each; the subtasks go into {@code subtasks}. With
     * {@code BENCH_WARMUP_CREATES} the same phases run first on other parents (a JVM minutes old still compiles the
     * create path: in 2026-12-05-write-cpu a parent cost twice a subtask's CPU only because the parents came first),
     * and once more after the timed phases under a JFR profile, whose hot spots go into the notes.
     */
    void create(List<Long> townships, List<long[]> subtasks, String run) {
        if (warmupCreates > 0) {
            createPhases(townships, warmupCreates, new ArrayList<>(), run + "w", ", warm-up (not timed below)");
        }
        createPhases(townships, parents, subtasks, run, "");
        combine("task create (parent + subtask, all)", results.get(results.size() - 2), results.get(results.size() - 1));
        if (warmupCreates > 0) {
            // what any authenticated API request costs the app here (filters, token, scope, MVC, JSON): the floor under
            // a create's CPU that no change to the create path can go below; the same clients, right after the creates
            read("request floor: GET /api/v1/me, warm-up (not timed below)", reads, i -> call("GET", "/api/v1/me", admin, null));
            read("request floor: GET /api/v1/me (authenticated, one user read)", reads, i -> call("GET", "/api/v1/me", admin, null));
            String jfr = out.resolve("create.jfr").toString();
            jcmd("JFR.start", "name=create", "settings=profile", "filename=" + jfr);
            createPhases(townships, warmupCreates, new ArrayList<>(), run + "p", ", profiled round after the timed run");
            jcmd("JFR.stop", "name=create");
            notes.append("\n### Hot spots during a profiled create round after the timed creates (JFR execution samples)\n\n")
                    .append(Profile.hotSpots(Path.of(jfr)));
        }
    }

    private void createPhases(List<Long> townships, int parentCount, List<long[]> subtasks, String run, String label) {
        long[] parentIds = new long[parentCount];
        AppCpu beforeParents = AppCpu.of(pid);
        parallel("task create: parent (POST /campaigns/{id}/tasks)" + label, parentCount, clients, i -> {
            ObjectNode body = JSON.createObjectNode().put("title", "性能任务" + run + "-" + i)
                    .put("category", CATEGORIES.get(i % CATEGORIES.size())).put("leadUnitId", townships.get(i % townships.size()))
                    .put("startDate", "2026-01-01").put("dueDate", "2026-12-31");
            body.putArray("indicators").addObject().put("name", "完成量").put("unit", "个").put("baseline", 0)
                    .put("target", 100 * subsPerParent).put("direction", "HIGHER_IS_BETTER");
            Reply reply = call("POST", "/api/v1/campaigns/" + campaignId + "/tasks", admin, body);
            if (reply.ok()) {
                parentIds[i] = reply.json().get("id").asLong();
            }
            return reply;
        }, "");
        AppCpu beforeSubtasks = AppCpu.of(pid);
        createCpu("parents" + label, beforeSubtasks.since(beforeParents), parentCount);
        parallel("task create: subtask (POST /tasks/{id}/subtasks)" + label, parentCount * subsPerParent, clients, i -> {
            int p = i / subsPerParent;
            ObjectNode body = JSON.createObjectNode().put("title", "分解" + (i % subsPerParent))
                    .put("leadUnitId", townships.get(p % townships.size())).put("target", 100).put("dueDate", "2026-12-31");
            Reply reply = call("POST", "/api/v1/tasks/" + parentIds[p] + "/subtasks", admin, body);
            if (reply.ok()) {
                JsonNode sub = reply.json().get("subtasks").get(0);
                subtasks.add(new long[] {sub.get("id").asLong(), sub.get("indicators").get(0).get("id").asLong(), p});
            }
            return reply;
        }, "");
        createCpu("subtasks" + label, AppCpu.of(pid).since(beforeSubtasks), parentCount * subsPerParent);
    }

    /** The app's CPU per task created in one create phase (the first phases of a run: the JIT is still busy). */
    private void createCpu(String what, AppCpu cpu, int created) {
        System.out.println("   during the " + what + ": " + cpu.describe());
        if (cpu.totalMs() > 0) {
            notes.append(String.format(Locale.ROOT, "%nDuring the task creates (%s): %s (%.1f ms of app CPU per create).%n",
                    what, cpu.describe(), (double) cpu.totalMs() / created));
        }
    }

    Writes writes;

    void progressUpdates(List<long[]> subtasks) throws Exception {
        // 2. progress update = create + submit + approve, on distinct subtasks; siblings share a parent (contention)
        subtasks.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> calibration = subtasks.subList(0, 20);
        List<long[]> targets = spread(subtasks.subList(20, subtasks.size()), updates);
        // warm-up: subtasks after the targets, updated the same way before the timed run and reported on their own
        List<long[]> spare = subtasks.subList(Math.min(subtasks.size(), 20 + targets.size()), subtasks.size());
        List<long[]> warmup = new ArrayList<>(spare.subList(0, Math.min(warmupUpdates, spare.size())));
        // the profile is taken on a round of its own after the timed run, on subtasks of its own (see profiledRound)
        List<long[]> profiled = warmup.isEmpty() ? List.of()
                : new ArrayList<>(spare.subList(warmup.size(), Math.min(spare.size(), warmup.size() + WARMUP_ROUND)));
        if (lights) {
            parallel("supervision evaluate before the updates (lights the new tasks)", 1, 1, i -> call("POST",
                    "/api/v1/supervision/evaluate?asOf=" + LocalDate.now(), admin, null), "one request; not an update");
            notes.append("\nLights of the target subtasks before the updates: ").append(lightsOf(targets)).append('\n');
        }
        writes = Writes.calibrate(this, calibration);
        Files.writeString(out.resolve("writes.md"), writes.table());
        String jfr = out.resolve("update.jfr").toString();
        if (!warmup.isEmpty()) {
            warmUp(warmup);
        }
        AppCpu cpuBefore = AppCpu.of(pid);
        if (warmup.isEmpty()) {
            // as measured before 2026-12-05: the profile taken during the timed run (it costs the run CPU, see warmUp)
            jcmd("JFR.start", "name=update", "settings=profile", "filename=" + jfr);
        }
        ConcurrentHistogram create = new ConcurrentHistogram(3_600_000_000L, 3);
        ConcurrentHistogram submit = new ConcurrentHistogram(3_600_000_000L, 3);
        ConcurrentHistogram approve = new ConcurrentHistogram(3_600_000_000L, 3);
        Result update = parallel("progress update (create + submit + approve)", targets.size(), clients,
                i -> progressUpdate(targets.get(i), create, submit, approve), "one op = 3 requests");
        if (warmup.isEmpty()) {
            jcmd("JFR.stop", "name=update");
        }
        AppCpu cpu = AppCpu.of(pid).since(cpuBefore);
        System.out.println("   during the timed updates: " + cpu.describe());
        results.add(new Result("  of which: create report", update.requests(), 0, update.seconds(), create, ""));
        results.add(new Result("  of which: submit", update.requests(), 0, update.seconds(), submit, ""));
        results.add(new Result("  of which: approve", update.requests(), 0, update.seconds(), approve, ""));
        long landed = queryLong("SELECT count(*) FROM progress_report WHERE status = 'APPROVED' AND task_id = ANY (?)",
                (Object) targets.stream().map(t -> t[0]).toArray(Long[]::new));
        if (cpu.totalMs() > 0) {
            notes.append(String.format(Locale.ROOT, "%nDuring the timed progress updates: %s (%.1f ms of app CPU per update).%n",
                    cpu.describe(), (double) cpu.totalMs() / targets.size()));
        }
        notes.append("\nProgress updates landed (approved reports on the ").append(targets.size())
                .append(" target subtasks): ").append(landed).append('\n');
        if (lights) {
            notes.append("\nLights of the target subtasks after the updates: ").append(lightsOf(targets)).append('\n');
        }
        if (!profiled.isEmpty()) {
            profiledRound(profiled, jfr);
        }
        Result floor = writes.floor(targets.size(), clients);
        notes.append(String.format(Locale.ROOT, "%nProgress update rate / JDBC floor rate: %.1f / %.1f = **%.3f**%n",
                update.rate(), floor.rate(), update.rate() / floor.rate()));
        notes.append(warmup.isEmpty() ? "\n### Hot spots during the progress updates (JFR execution samples)\n\n"
                : "\n### Hot spots during a profiled round after the timed run (JFR execution samples; the timed run is not profiled)\n\n").append(Profile.hotSpots(Path.of(jfr)));
    }

    /**
     * Reads before the timed ones, in whole rounds of every read kind (BENCH_WARMUP_READS, default 1; 0 = cold, as
     * the runs before 2026-12-05-province-reads): a JVM minutes old spends most of a read's CPU compiling it (C2), so
     * a cold round says what the first users of a fresh start wait, the timed round what a warm app does.
     */
    final int warmupReads = Integer.parseInt(env("BENCH_WARMUP_READS", "1"));

    void reads(long county) throws Exception {
        // 3. reads
        List<Long> leads = queryIds("SELECT DISTINCT lead_unit_id FROM task WHERE campaign_id = ? ORDER BY 1", campaignId);
        for (int round = 1; round <= warmupReads; round++) {
            readRound(leads, county, ", warm-up round " + round + " (not timed below)");
        }
        readRound(leads, county, "");
    }

    private void readRound(List<Long> leads, long county, String suffix) {
        read("task list: 100 of a lead unit" + suffix, reads, i -> call("GET", "/api/v1/campaigns/" + campaignId
                + "/tasks?size=100&leadUnitId=" + leads.get(i % leads.size()), admin, null));
        read("task list: 100 by light + category" + suffix, reads, i -> call("GET", "/api/v1/campaigns/" + campaignId
                + "/tasks?size=100&light=" + LIGHTS.get(i % 5) + "&category="
                + java.net.URLEncoder.encode(CATEGORIES.get(i % CATEGORIES.size()), StandardCharsets.UTF_8), admin, null));
        read("task list: page 1 unfiltered (50)" + suffix, reads / 2, i -> call("GET", "/api/v1/campaigns/" + campaignId
                + "/tasks", admin, null));
        // the office user's scope is the county: a scoped list whose total is not the whole campaign's (the county leads
        // a tenth of a city campaign's tasks; its total is its subtree tally plus the cooperations from outside)
        read("task list: page 1, county user (50)" + suffix, reads / 2, i -> call("GET", "/api/v1/campaigns/" + campaignId
                + "/tasks", office, null));
        read("dashboard: whole campaign (admin)" + suffix, reads / 2, i -> call("GET", "/api/v1/campaigns/" + campaignId
                + "/dashboard", admin, null));
        read("dashboard: county (unitId)" + suffix, reads / 2, i -> call("GET", "/api/v1/campaigns/" + campaignId
                + "/dashboard?unitId=" + county, office, null));
    }

    /** One read workload over the clients, its note the app's CPU per request and the JIT compilers' share of it. */
    private void read(String workload, int n, Step step) {
        AppCpu before = AppCpu.of(pid);
        parallel(workload, n, clients, step, "");
        AppCpu used = AppCpu.of(pid).since(before);
        Result done = results.remove(results.size() - 1);
        String cpu = used.describe() + String.format(Locale.ROOT, ", %.1f ms per request", (double) used.totalMs() / n);
        results.add(new Result(done.workload(), done.requests(), done.errors(), done.seconds(), done.ms(), cpu));
        System.out.println("   " + cpu);
    }

    void documents(List<Long> townships) {
        // 4. documents
        List<Long> pledges = new ArrayList<>();
        for (Long township : townships) {
            Reply reply = call("POST", "/api/v1/campaigns/" + campaignId + "/pledges", admin,
                    JSON.createObjectNode().put("unitId", township));
            if (reply.ok()) {
                pledges.add(reply.json().get("id").asLong());
            } else {
                notes.append("\nPledge create for unit ").append(township).append(": ").append(reply.status()).append(' ')
                        .append(reply.text()).append('\n');
                break;
            }
        }
        if (!pledges.isEmpty()) {
            parallel("pledge PDF", 100, clients, i -> call("GET", "/api/v1/pledges/" + pledges.get(i % pledges.size())
                    + "/pdf", admin, null), "");
        }
        parallel("briefing .docx (2026-11)", 16, clients, i -> call("GET", "/api/v1/campaigns/" + campaignId
                + "/briefings/2026-11.docx", admin, null), "");
        parallel("briefing .pdf (2026-11)", 16, clients, i -> call("GET", "/api/v1/campaigns/" + campaignId
                + "/briefings/2026-11.pdf", admin, null), "");

    }

    void evaluate() throws Exception {
        // 5. evaluation of all tasks (every campaign in scope), sequential
        long allTasks = queryLong("SELECT count(*) FROM task");
        parallel("supervision evaluate, all " + allTasks + " tasks", 2, 1, i -> call("POST",
                "/api/v1/supervision/evaluate?asOf=" + LocalDate.now(), admin, null), "sequential");
        // the daily job for the next two days: lights incrementally (only tasks due or changed), escalation, reminders
        parallel("supervision daily job (incremental), " + allTasks + " tasks", 2, 1, i -> call("POST",
                "/api/v1/supervision/run?asOf=" + LocalDate.now().plusDays(1 + i), admin, null),
                "sequential; next day and the day after; lights + escalation + reminders");

    }

    void importExport(List<Long> townships, String run) throws Exception {
        // 6. import 10,000 rows, then export the bench campaign with the heap watched
        byte[] xlsx = Workbooks.tasks(importRows, run, townships.stream().map(id -> {
            try {
                return queryCode(id);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).toList());
        parallel("xlsx import, " + importRows + " rows", 1, 1, i -> call("POST", "/api/v1/campaigns/" + campaignId
                + "/tasks/import", admin, xlsx), "all-or-nothing; one request");
        long exported = queryLong("SELECT count(*) FROM task WHERE campaign_id = ?", campaignId);
        String heapJfr = out.resolve("export.jfr").toString();
        jcmd("GC.run");
        jcmd("JFR.start", "name=export", "settings=default", "filename=" + heapJfr);
        HeapSampler sampler = HeapSampler.start(pid);
        Result export = parallel("xlsx export, " + exported + " tasks", 1, 1, i -> call("GET", "/api/v1/campaigns/"
                + campaignId + "/tasks/export", admin, null), "");
        String sampled = sampler == null ? "heap not sampled (no BENCH_PID)" : sampler.stop();
        jcmd("JFR.stop", "name=export");
        notes.append("\nExport of ").append(exported).append(" tasks: ").append(sampled).append("; ")
                .append(Profile.heap(Path.of(heapJfr))).append('\n');
    }

    String queryCode(long unitId) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT code FROM unit WHERE id = ?")) {
            ps.setLong(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    void combine(String name, Result a, Result b) {
        Histogram h = a.ms().copy();
        h.add(b.ms());
        results.add(new Result(name, a.requests() + b.requests(), a.errors() + b.errors(), a.seconds() + b.seconds(), h, ""));
    }

    /**
     * Progress updates before the timed run, in rounds of {@link #WARMUP_ROUND}, each printed with its rate and how
     * much of the app's CPU went to its JIT compilers: a JVM started minutes ago is still compiling the report path,
     * and on two cores that compiling takes CPU from the requests (up to 44 % of the app's CPU during an 84 s run
     * started cold, JFR jdk.ThreadCPULoad, 2026-12-04). The rounds are results of their own, so the cold figure stays
     * in the table beside the warm one.
     */
    void warmUp(List<long[]> warmup) {
        for (int from = 0, round = 1; from < warmup.size(); from += WARMUP_ROUND, round++) {
            List<long[]> part = warmup.subList(from, Math.min(warmup.size(), from + WARMUP_ROUND));
            round("progress update, warm-up round " + round + " (not timed below)", part);
        }
    }

    /**
     * One more round after the timed run, under a JFR recording with the profile settings. Not during the timed run:
     * starting such a recording instruments the socket and file classes, which throws their compiled code away, and
     * its events cost CPU — a timed run under it used about twice the app CPU per update of the round before it, and
     * a timed run just after a profiled round still paid for the recompiling (2026-12-05).
     */
    void profiledRound(List<long[]> part, String jfr) {
        jcmd("JFR.start", "name=update", "settings=profile", "filename=" + jfr);
        round("progress update, profiled round after the timed run", part);
        jcmd("JFR.stop", "name=update");
    }

    private void round(String workload, List<long[]> part) {
        AppCpu before = AppCpu.of(pid);
        ConcurrentHistogram ignored = new ConcurrentHistogram(3_600_000_000L, 3);
        parallel(workload, part.size(), clients, i -> progressUpdate(part.get(i), ignored, ignored, ignored), "");
        AppCpu used = AppCpu.of(pid).since(before);
        Result done = results.remove(results.size() - 1);
        results.add(new Result(done.workload(), done.requests(), done.errors(), done.seconds(), done.ms(),
                used.describe() + String.format(Locale.ROOT, ", %.1f ms per update", (double) used.totalMs() / part.size())));
        System.out.println("   " + used.describe());
    }

    static final int WARMUP_ROUND = 250;

    /** How many of the given subtasks have each light, and their parents' lights: what the approvals re-lit. */
    String lightsOf(List<long[]> subtasks) throws SQLException {
        Long[] ids = subtasks.stream().map(t -> t[0]).toArray(Long[]::new);
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("""
                SELECT 'subtasks ' || COALESCE(light, 'none'), count(*) FROM task WHERE id = ANY (?) GROUP BY light
                UNION ALL
                SELECT 'parents ' || COALESCE(p.light, 'none'), count(*) FROM task p
                WHERE p.id IN (SELECT parent_task_id FROM task WHERE id = ANY (?)) GROUP BY p.light ORDER BY 1""")) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            ps.setArray(2, c.createArrayOf("bigint", ids));
            StringBuilder s = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    s.append(s.length() == 0 ? "" : ", ").append(rs.getString(1)).append(' ').append(rs.getLong(2));
                }
            }
            return s.toString();
        }
    }

    /** {@code n} subtasks, taking every sibling group in turn, so concurrent updates hit the same parents. */
    static List<long[]> spread(List<long[]> subtasks, int n) {
        return new ArrayList<>(subtasks.subList(0, Math.min(n, subtasks.size())));
    }

    Reply progressUpdate(long[] target, Histogram create, Histogram submit, Histogram approve) {
        ObjectNode body = JSON.createObjectNode().put("progressText", "按计划推进，本月完成入户走访。")
                .put("problems", "无").put("nextSteps", "继续推进");
        body.putArray("indicatorValues").addObject().put("indicatorId", target[1]).put("value", 40 + target[0] % 50);
        long t0 = System.nanoTime();
        Reply created = call("POST", "/api/v1/tasks/" + target[0] + "/reports", admin, body);
        long t1 = System.nanoTime();
        create.recordValue((t1 - t0) / 1000);
        if (!created.ok()) {
            return created;
        }
        long report = created.json().get("id").asLong();
        Reply submitted = call("POST", "/api/v1/reports/" + report + "/submit", admin, null);
        long t2 = System.nanoTime();
        submit.recordValue((t2 - t1) / 1000);
        if (!submitted.ok()) {
            return submitted;
        }
        Reply approved = call("POST", "/api/v1/reports/" + report + "/approve", office, null);
        approve.recordValue((System.nanoTime() - t2) / 1000);
        return approved;
    }

    void jcmd(String... command) {
        if (pid.isBlank()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("jcmd", pid));
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            if (p.exitValue() != 0) {
                System.out.println("jcmd " + String.join(" ", command) + ": " + output);
            }
        } catch (IOException e) {
            System.out.println("jcmd failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String stack(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
