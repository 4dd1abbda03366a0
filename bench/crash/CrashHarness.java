import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Issue #16 crash harness, one file, JDK 17: {@code java CrashHarness.java <nodes 1|2>} (run.sh sets the environment).
 * Starts the jar on PostgreSQL (1 node, or 2 nodes behind a round-robin proxy in this process), drives CRASH_CLIENTS
 * concurrent clients that each create a progress report and submit it, every request with an Idempotency-Key and
 * retried with the same key until it gets an answer; SIGKILLs a node CRASH_KILL_AFTER seconds into the load (1 node:
 * restarts it), lets every client retry to completion, then reconciles with SQL (psql).
 */
public class CrashHarness {

    static final String JAR = env("CRASH_JAR", null);
    static final String DB = env("CRASH_DB", "gj_crash");
    static final String PGHOST = env("CRASH_PGHOST", "127.0.0.1");
    static final String PGUSER = env("CRASH_PGUSER", "postgres");
    static final int BASE_PORT = Integer.parseInt(env("CRASH_PORT", "18110"));
    static final int CLIENTS = Integer.parseInt(env("CRASH_CLIENTS", "64"));
    static final int KILL_AFTER = Integer.parseInt(env("CRASH_KILL_AFTER", "2"));
    /** The period every report is for (default: this month); tasks that already have one are left out. */
    static final String PERIOD = env("CRASH_PERIOD", java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
    static final int LOAD_SECONDS = Integer.parseInt(env("CRASH_LOAD_SECONDS", "15"));
    static final String LEASE = env("CRASH_LEASE", "5");
    static final Path WORK = Path.of(env("CRASH_WORK", "target/crash"));
    /** How long a node may take to open its port (an overloaded 2-core machine took 168 s for one). */
    static final int START_MINUTES = Integer.parseInt(env("CRASH_START_MINUTES", "10"));

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    final int nodes;
    final Process[] apps;
    String base;
    String token;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final Map<Long, Long> ackedCreates = new ConcurrentHashMap<>(); // task → report id
    final Map<Long, Boolean> ackedSubmits = new ConcurrentHashMap<>(); // report id
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    volatile int inFlightAtKill = -1;

    CrashHarness(int nodes) {
        this.nodes = nodes;
        this.apps = new Process[nodes];
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        CrashHarness harness = new CrashHarness(nodes);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : harness.apps) {
                if (p != null && p.isAlive()) {
                    p.destroyForcibly();
                }
            }
        }));
        System.exit(harness.run() ? 0 : 1);
    }

    boolean run() throws Exception {
        Files.createDirectories(WORK);
        // One after the other, and the second only once the first has loaded the demo county: the load runs after
        // the port opens, in one transaction, so a node started during it would find no units and load it again.
        for (int i = 0; i < nodes; i++) {
            start(i, "start");
            awaitUp(i);
            base = "http://127.0.0.1:" + port(i);
            long t = System.nanoTime();
            token = login();
            log("node %d up, demo county there (token after %.1f s more)", i + 1, (System.nanoTime() - t) / 1e9);
        }
        base = nodes == 1 ? "http://127.0.0.1:" + port(0) : proxy();
        token = login();
        List<Long> tasks = psqlLongs("""
                SELECT t.id FROM task t WHERE NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.task_id = t.id
                AND r.period = '""" + PERIOD + "') ORDER BY t.id");
        log("%d nodes, %d clients, %d tasks without a report, lease %s s, kill after %d s of %d s load",
                nodes, CLIENTS, tasks.size(), LEASE, KILL_AFTER, LOAD_SECONDS);
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(tasks);
        long loadEnd = System.nanoTime() + Duration.ofSeconds(LOAD_SECONDS).toNanos();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            new Thread(() -> {
                try {
                    Long task;
                    while (System.nanoTime() < loadEnd && (task = queue.poll()) != null) {
                        started.incrementAndGet();
                        operation(client, task);
                        finished.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add("client " + client + ": " + e);
                } finally {
                    done.countDown();
                }
            }, "client-" + c).start();
        }
        Thread.sleep(KILL_AFTER * 1000L);
        int victim = nodes - 1;
        inFlightAtKill = inFlight.get();
        apps[victim].destroyForcibly(); // SIGKILL
        apps[victim].waitFor();
        log("SIGKILL node %d with %d requests in flight", victim + 1, inFlightAtKill);
        long down = System.nanoTime();
        if (nodes == 1) {
            start(victim, "restart");
            awaitUp(victim);
            log("node restarted, answering after %.1f s", (System.nanoTime() - down) / 1e9);
        }
        boolean all = done.await(5, java.util.concurrent.TimeUnit.MINUTES);
        log("clients %s: %d operations started, %d finished, %d retries, %d replayed answers, %d refusals",
                all ? "done" : "NOT DONE (stuck)", started.get(), finished.get(), retries.get(), replayed.get(), refused.get());
        boolean ok = all && started.get() == finished.get() && reconcile();
        for (Process p : apps) {
            if (p != null && p.isAlive()) {
                p.destroy();
                p.waitFor();
            }
        }
        log(ok ? "RESULT: PASS" : "RESULT: FAIL");
        return ok;
    }

    /** One client operation: create the task's report, then submit it; each request retried with its key until answered. */
    void operation(int client, long task) throws Exception {
        String body = "{\"period\":\"" + PERIOD + "\",\"progressText\":\"崩溃测试 " + task + "\",\"problems\":\"无\",\"nextSteps\":\"继续\"}";
        Answer created = call("/api/v1/tasks/" + task + "/reports", body, "crash-create-" + task);
        if (created.status != 201) {
            refused.incrementAndGet();
            failures.add("create task " + task + ": " + created.status + " " + created.body);
            return;
        }
        Matcher m = ID.matcher(created.body);
        if (!m.find()) {
            failures.add("create task " + task + ": no id in " + created.body);
            return;
        }
        long report = Long.parseLong(m.group(1));
        ackedCreates.put(task, report);
        Answer submitted = call("/api/v1/reports/" + report + "/submit", null, "crash-submit-" + report);
        if (submitted.status / 100 != 2) {
            refused.incrementAndGet();
            failures.add("submit report " + report + ": " + submitted.status + " " + submitted.body);
            return;
        }
        ackedSubmits.put(report, Boolean.TRUE);
    }

    record Answer(int status, String body) {}

    /** Retries on no answer, 5xx, 502 from the proxy and 409 "still in progress" (a live lease), always with the same key. */
    Answer call(String path, String json, String key) throws Exception {
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
                Thread.sleep(Math.min(2000, 200L * attempt));
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                    .header("Content-Type", "application/json")
                    .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> r;
            inFlight.incrementAndGet();
            try {
                r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                continue; // connection refused or reset: the node died
            } finally {
                inFlight.decrementAndGet();
            }
            if (r.statusCode() >= 500 || r.statusCode() == 409 && r.body().contains("/problems/idempotency")) {
                continue;
            }
            if (r.headers().firstValue("Idempotency-Replayed").isPresent()) {
                replayed.incrementAndGet();
            }
            return new Answer(r.statusCode(), r.body());
        }
    }

    boolean reconcile() throws Exception {
        boolean ok = true;
        String ids = ackedCreates.values().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("0");
        String tasks = ackedCreates.keySet().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("0");
        String submitted = ackedSubmits.keySet().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("0");
        long present = psqlLong("SELECT count(*) FROM progress_report WHERE id IN (" + ids + ")");
        long rowsForTasks = psqlLong("SELECT count(*) FROM progress_report WHERE task_id IN (" + tasks + ") AND period = '" + PERIOD + "'");
        long duplicates = psqlLong("SELECT count(*) FROM (SELECT task_id, period, revision FROM progress_report "
                + "GROUP BY task_id, period, revision HAVING count(*) > 1) d");
        long submittedPresent = psqlLong("SELECT count(*) FROM progress_report WHERE id IN (" + submitted
                + ") AND status <> 'DRAFT'");
        long orphanDrafts = psqlLong("SELECT count(*) FROM progress_report WHERE task_id IN (" + tasks + ") AND period = '" + PERIOD + "' AND id NOT IN (" + ids + ")");
        long withoutAudit = psqlLong("SELECT count(*) FROM progress_report r WHERE r.created_at > now() - interval '1 hour' "
                + "AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.entity_type = 'report' AND a.entity_id = CAST(r.id AS VARCHAR))");
        long submitWithoutAudit = psqlLong("SELECT count(*) FROM progress_report r WHERE r.id IN (" + submitted + ") "
                + "AND (SELECT count(*) FROM audit_event a WHERE a.entity_type = 'report' AND a.entity_id = CAST(r.id AS VARCHAR)) < 2");
        long pending = psqlLong("SELECT count(*) FROM idempotency_record WHERE status = 0 AND idem_key LIKE 'crash-%'");
        long answered = psqlLong("SELECT count(*) FROM idempotency_record WHERE status <> 0 AND idem_key LIKE 'crash-%'");
        log("acknowledged creates %d: present %d, rows for those tasks %d (extra %d), duplicate (task, period, revision) %d",
                ackedCreates.size(), present, rowsForTasks, orphanDrafts, duplicates);
        log("acknowledged submits %d: submitted in the database %d", ackedSubmits.size(), submittedPresent);
        log("half-written: reports without an audit row %d, submitted reports without their submit audit %d",
                withoutAudit, submitWithoutAudit);
        log("idempotency records: %d answered, %d still pending (stuck)", answered, pending);
        log("in flight at the kill: %d; failures: %d", inFlightAtKill, failures.size());
        failures.stream().limit(10).forEach(f -> log("  failure: %s", f));
        ok &= present == ackedCreates.size() && rowsForTasks == ackedCreates.size() && duplicates == 0;
        ok &= submittedPresent == ackedSubmits.size() && withoutAudit == 0 && submitWithoutAudit == 0;
        ok &= pending == 0 && failures.isEmpty() && !ackedCreates.isEmpty();
        return ok;
    }

    // --- nodes, proxy, login, psql ---

    int port(int node) {
        return BASE_PORT + node;
    }

    void start(int node, String what) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m", "-jar", JAR, "--server.port=" + port(node),
                "--management.server.port=" + (port(node) + 10), "--gongjian.idempotency.lease=" + LEASE);
        Map<String, String> e = pb.environment();
        e.put("GONGJIAN_DB_URL", "jdbc:postgresql://" + PGHOST + ":5432/" + DB);
        e.put("GONGJIAN_DB_USER", PGUSER);
        e.put("GONGJIAN_DB_PASSWORD", "");
        e.put("GONGJIAN_DEMO", "true");
        e.put("GONGJIAN_SCHEDULING", "false");
        e.put("GONGJIAN_EVIDENCE_DIR", WORK.resolve("evidence").toAbsolutePath().toString());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                WORK.resolve("node" + (node + 1) + ".log").toFile()));
        apps[node] = pb.start();
        log("node %d %s (pid %d, port %d)", node + 1, what, apps[node].pid(), port(node));
    }

    void awaitUp(int node) throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(START_MINUTES).toNanos();
        while (System.nanoTime() < deadline) {
            if (!apps[node].isAlive()) {
                throw new IllegalStateException("node " + (node + 1) + " died; see " + WORK.resolve("node" + (node + 1) + ".log"));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + "/login"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    log("node %d answers after %.1f s", node + 1, (System.nanoTime() - started) / 1e9);
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node " + (node + 1) + " did not come up within " + START_MINUTES + " minutes");
    }

    /** A tiny round-robin HTTP proxy: each request to the next node; a node that does not answer is a 502. */
    String proxy() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", BASE_PORT + 20), 256);
        AtomicInteger next = new AtomicInteger();
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(CLIENTS + 8));
        server.createContext("/", exchange -> {
            int node = Math.floorMod(next.getAndIncrement(), nodes);
            try {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node)
                        + exchange.getRequestURI())).timeout(Duration.ofSeconds(30))
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    String n = name.toLowerCase();
                    if (!List.of("host", "content-length", "connection", "expect", "upgrade").contains(n)) {
                        values.forEach(v -> b.header(name, v));
                    }
                });
                HttpResponse<byte[]> r;
                try {
                    r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (Exception e) {
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
                r.headers().map().forEach((name, values) -> {
                    if (!List.of("content-length", "transfer-encoding", "connection", ":status").contains(name.toLowerCase())) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                byte[] out = r.body();
                exchange.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(out);
                    }
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
        log("round-robin proxy on port %d", BASE_PORT + 20);
        return "http://127.0.0.1:" + (BASE_PORT + 20);
    }

    /**
     * The demo county is loaded after the port opens, in one transaction: wait (by SQL, up to CRASH_START_MINUTES) until
     * its administrator is there, then log in once. Trying the login meanwhile would count as wrong passwords and the
     * login throttle (per name and address) would then refuse the real one for minutes.
     */
    String login() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(START_MINUTES).toNanos();
        while (psqlLong("SELECT count(*) FROM app_user WHERE username = 'admin'") == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo county was not loaded within " + START_MINUTES + " minutes");
            }
            Thread.sleep(1000);
        }
        return loginOnce();
    }

    String loginOnce() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"Gongjian@2026\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("login: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    static long psqlLong(String sql) throws Exception {
        return psqlLongs(sql).get(0);
    }

    static List<Long> psqlLongs(String sql) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", PGHOST, "-U", PGUSER, "-d", DB, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql: " + out);
        }
        List<Long> values = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                values.add(Long.parseLong(line.trim()));
            }
        }
        return values;
    }

    static void log(String format, Object... args) {
        System.out.printf("[crash] " + format + "%n", args);
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
