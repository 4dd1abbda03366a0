package org.gongjian.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.gongjian.GongjianApplication;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.identity.Role;
import org.gongjian.support.Logins;
import org.gongjian.support.MutableClock;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.TestClockConfig;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The backup and restore procedure of docs/operations.md, run for real on PostgreSQL: data with approved reports,
 * evidence and photo thumbnails is dumped with {@code pg_dump -Fc}, restored with {@code pg_restore} into an empty
 * database, the evidence folder copied to an empty one, and a second application started on the copies finds every
 * report and file (each file's SHA-256 checked), verifies every report and pledge hash chain, and the integrity check
 * (every keyed chain against the anchor file, copied with the backup) holds. Needs PostgreSQL and
 * pg_dump/pg_restore: skips without them, except under CI where it fails.
 * <p>
 * Deliberately not an {@code IntegrationTest}: that base class registers the JVM's shared test schema, which would
 * override this test's own (and the dump would hold every other test's data). This installation has its own
 * schema, evidence folder and anchor file, so its context is its own too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfig.class)
@ExtendWith(BackupRestoreTests.NeedsPostgresAndItsTools.class)
class BackupRestoreTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path evidenceDirectory;
    private static Path anchorDirectory;
    private static String schema;
    private String office;
    private String auditor;
    private long pledge;

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;
    @Autowired OrgFixtures orgs;
    @Autowired JdbcClient jdbc;

    /**
     * Checked before the Spring context starts: without PostgreSQL or pg_dump/pg_restore the test is skipped with the
     * reason in the report ("Skipped: 1"), except under CI ({@code CI=true}), where it fails.
     */
    static class NeedsPostgresAndItsTools implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = !TestDatabase.postgresRequested() ? "PostgreSQL (GONGJIAN_TEST_DB=postgres)"
                    : !runs("pg_dump", "--version") || !runs("pg_restore", "--version") ? "pg_dump/pg_restore (postgresql-client)"
                    : null;
            if (missing == null) {
                return ConditionEvaluationResult.enabled("PostgreSQL and pg_dump/pg_restore are there");
            }
            String message = "Backup and restore is tested on PostgreSQL only; missing: " + missing;
            if (TestDatabase.onCi()) {
                throw new IllegalStateException(message + " (CI=true: not skipped)");
            }
            return ConditionEvaluationResult.disabled(message);
        }
    }

    /** Its own schema and evidence folder, so the dump holds this test's installation and nothing else. */
    @DynamicPropertySource
    static void ownInstallation(DynamicPropertyRegistry registry) throws IOException {
        evidenceDirectory = Files.createTempDirectory("gongjian-backup-evidence-");
        registry.add("gongjian.evidence.directory", () -> evidenceDirectory.toString());
        registry.add("gongjian.evidence.store", () -> "local");
        anchorDirectory = Files.createTempDirectory("gongjian-backup-anchors-");
        registry.add("gongjian.integrity.anchor-file", () -> anchorDirectory.resolve("anchors.jsonl").toString());
        if (TestDatabase.postgresRequested()) {
            schema = TestDatabase.createSchema();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestDatabase.dropSchema(schema)));
            registry.add("spring.datasource.url", () -> TestDatabase.PG_URL + "?currentSchema=" + schema);
            registry.add("spring.datasource.username", () -> TestDatabase.PG_USER);
            registry.add("spring.datasource.password", () -> TestDatabase.PG_PASSWORD);
            registry.add("spring.flyway.default-schema", () -> schema);
            registry.add("spring.flyway.schemas", () -> schema);
        }
    }

    @Test
    void aRestoreIntoAnEmptyDatabaseAndStoreFindsEveryReportAndFileAndEveryChainVerifies() throws Exception {
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(schema);
        int approved = fill();
        long reports = jdbc.sql("SELECT COUNT(*) FROM progress_report").query(Long.class).single();
        List<Map<String, Object>> evidence = jdbc.sql("SELECT id, sha256, unit_id FROM evidence").query().listOfRows();
        assertThat(approved).isEqualTo(4);
        assertThat(evidence).hasSizeGreaterThanOrEqualTo(3);

        // Backup: the database and the evidence store.
        Path backup = Files.createTempDirectory("gongjian-backup-");
        Path dump = backup.resolve("gongjian.dump");
        URI pg = URI.create(TestDatabase.PG_URL.substring("jdbc:".length()));
        String database = pg.getPath().substring(1);
        run("pg_dump", "-Fc", "-h", pg.getHost(), "-p", String.valueOf(pg.getPort() < 0 ? 5432 : pg.getPort()),
                "-U", TestDatabase.PG_USER, "-n", schema, "-f", dump.toString(), database);
        Path evidenceCopy = backup.resolve("evidence");
        copyTree(evidenceDirectory, evidenceCopy);
        Path anchorCopy = backup.resolve("anchors");
        copyTree(anchorDirectory, anchorCopy);
        assertThat(Files.size(dump)).isPositive();

        // Restore into an empty database and an empty evidence folder.
        String restored = "gj_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        try (Connection c = TestDatabase.connect()) {
            c.createStatement().execute("CREATE DATABASE " + restored);
        }
        Path restoredEvidence = Files.createTempDirectory("gongjian-restored-evidence-");
        Path restoredAnchors = Files.createTempDirectory("gongjian-restored-anchors-");
        try {
            run("pg_restore", "-h", pg.getHost(), "-p", String.valueOf(pg.getPort() < 0 ? 5432 : pg.getPort()),
                    "-U", TestDatabase.PG_USER, "--no-owner", "--exit-on-error", "-d", restored, dump.toString());
            copyTree(evidenceCopy, restoredEvidence);
            copyTree(anchorCopy, restoredAnchors);
            String restoredUrl = "jdbc:postgresql://" + pg.getHost() + ":" + (pg.getPort() < 0 ? 5432 : pg.getPort())
                    + "/" + restored;
            // The second node: the application on the restored copies only (no actuator port of its own; a test clock
            // of its own, by which the administrator's code is computed). The settings go as command-line arguments:
            // builder defaults would lose to application-test.properties.
            try (ConfigurableApplicationContext node = new SpringApplicationBuilder(GongjianApplication.class,
                    TestClockConfig.class)
                    .profiles("test")
                    .run("--server.port=0", "--management.server.port=",
                            "--spring.datasource.url=" + restoredUrl + "?currentSchema=" + schema,
                            "--spring.datasource.username=" + TestDatabase.PG_USER,
                            "--spring.datasource.password=" + TestDatabase.PG_PASSWORD,
                            "--spring.flyway.default-schema=" + schema, "--spring.flyway.schemas=" + schema,
                            "--gongjian.evidence.store=local", "--gongjian.evidence.directory=" + restoredEvidence,
                            "--gongjian.integrity.anchor-file=" + restoredAnchors.resolve("anchors.jsonl"),
                            "--gongjian.scheduling.enabled=false")) {
                assertThat(node.getEnvironment().getProperty("spring.datasource.url")).startsWith(restoredUrl);
                String base = "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
                verifyRestored(base, node.getBean(MutableClock.class), restoredUrl + "?currentSchema=" + schema, reports, evidence);
            }
        } finally {
            try (Connection c = TestDatabase.connect()) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            }
        }
    }

    /** A county with two tasks, each with two approved reports (a chain of two) with a photo or a document attached. */
    private int fill() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        office = s.office();
        String liaison = Logins.token(mvc, s.liaison());
        String officeToken = Logins.token(mvc, s.office());
        int approved = 0;
        var second = fixtures.task(s.campaign(), s.county().townshipA(), "第二项" + s.county().tag());
        for (var task : List.of(s.task(), second)) {
            long indicator = task.indicators().get(0).id();
            int month = 5;
            for (String file : List.of("photo", "pdf")) {
                long id = ReportFixtures.body(mvc.perform(post("/api/v1/tasks/" + task.id() + "/reports")
                                .header(HttpHeaders.AUTHORIZATION, liaison).contentType(MediaType.APPLICATION_JSON)
                                .content(ReportFixtures.json(Map.of("period", "2026-0" + month, "progressText", "进展" + month,
                                        "indicatorValues", List.of(Map.of("indicatorId", indicator, "value", 100 * month))))))
                        .andExpect(status().isCreated())).get("id").asLong();
                byte[] bytes = file.equals("photo") ? EvidenceFiles.jpeg(160, 120, (int) task.id())
                        : EvidenceFiles.pdf("佐证 " + task.title());
                mvc.perform(multipart("/api/v1/reports/" + id + "/evidence")
                                .file(new MockMultipartFile("file", file.equals("photo") ? "现场.jpg" : "台账.pdf",
                                        "application/octet-stream", bytes))
                                .header(HttpHeaders.AUTHORIZATION, liaison))
                        .andExpect(status().is2xxSuccessful());
                mvc.perform(post("/api/v1/reports/" + id + "/submit").header(HttpHeaders.AUTHORIZATION, liaison))
                        .andExpect(status().isOk());
                mvc.perform(post("/api/v1/reports/" + id + "/approve").header(HttpHeaders.AUTHORIZATION, officeToken))
                        .andExpect(status().isOk());
                approved++;
                month++;
            }
        }
        // 甲镇's pledge, signed by its head and countersigned by the county leader: a pledge chain of one version.
        pledge = ReportFixtures.body(mvc.perform(post("/api/v1/campaigns/" + s.campaign().id() + "/pledges")
                        .header(HttpHeaders.AUTHORIZATION, officeToken).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + s.county().townshipA().id() + "}"))
                .andExpect(status().isCreated())).get("id").asLong();
        for (String signer : List.of(s.head(), s.county().leaderUser())) {
            mvc.perform(post("/api/v1/pledges/" + pledge + "/sign").header(HttpHeaders.AUTHORIZATION, Logins.token(mvc, signer))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"password\":\"" + OrgFixtures.PASSWORD + "\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/pledges/" + pledge + "/verify").header(HttpHeaders.AUTHORIZATION, officeToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.versionsChecked").value(1));
        // The chain heads anchored (the anchor file is backed up with the dump), and the whole installation checks out.
        String admin = Logins.token(mvc, s.county().adminUser());
        mvc.perform(post("/api/v1/integrity/anchors").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/integrity/verify").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.anchorsChecked").value(1));
        // An audit administrator who first logs in on the restored node (no second-factor code used here before).
        auditor = orgs.user("aud" + s.county().tag(), s.county().county(), Role.AUDIT_ADMIN);
        return approved;
    }

    private void verifyRestored(String base, MutableClock nodeClock, String url, long reports,
                                List<Map<String, Object>> evidence) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = "Bearer " + JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + office + "\",\"password\":\""
                        + OrgFixtures.PASSWORD + "\"}"))
                .build(), 201)).get("token").asText();

        JdbcClient restored;
        List<Long> reportIds;
        List<Long> taskIds;
        List<Long> pledgeIds;
        try (Connection c = DriverManager.getConnection(url, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD)) {
            reportIds = ids(c, "SELECT id FROM progress_report ORDER BY id");
            taskIds = ids(c, "SELECT DISTINCT task_id FROM progress_report WHERE status = 'APPROVED' ORDER BY task_id");
            pledgeIds = ids(c, "SELECT id FROM pledge ORDER BY id");
        }
        assertThat(reportIds).hasSize((int) reports);
        for (long id : reportIds) {
            send(http, httpGet(base + "/api/v1/reports/" + id, token), 200);
        }
        for (Map<String, Object> row : evidence) {
            HttpResponse<byte[]> file = http.send(httpGet(base + "/api/v1/evidence/" + row.get("id") + "/file", token),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as("evidence %s", row.get("id")).isEqualTo(200);
            assertThat(EvidenceService.sha256(file.body())).isEqualTo(row.get("sha256"));
        }
        assertThat(taskIds).hasSize(2);
        for (long taskId : taskIds) {
            JsonNode v = JSON.readTree(send(http, httpGet(base + "/api/v1/tasks/" + taskId + "/reports/verify", token), 200));
            assertThat(v.get("intact").asBoolean()).as("report chain of task %s: %s", taskId, v).isTrue();
            assertThat(v.get("checked").asInt()).isEqualTo(2);
        }
        assertThat(pledgeIds).containsExactly(pledge);
        for (long pledgeId : pledgeIds) {
            JsonNode v = JSON.readTree(send(http, httpGet(base + "/api/v1/pledges/" + pledgeId + "/verify", token), 200));
            assertThat(v.get("valid").asBoolean()).as("pledge %s: %s", pledgeId, v).isTrue();
            assertThat(v.get("versionsChecked").asInt()).isEqualTo(1);
        }

        // Every keyed chain of the restored copy, and the anchor taken before the backup, verified by the integrity check.
        // A later code than any the administrator used before the backup (a code is good once per user).
        nodeClock.advance(java.time.Duration.ofSeconds(30));
        String audit = "Bearer " + JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + auditor + "\",\"password\":\""
                        + OrgFixtures.PASSWORD + "\",\"code\":\"" + OrgFixtures.totpCode(nodeClock) + "\"}"))
                .build(), 201)).get("token").asText();
        JsonNode integrity = JSON.readTree(send(http, httpGet(base + "/api/v1/integrity/verify", audit), 200));
        assertThat(integrity.get("valid").asBoolean()).as("integrity of the restored copy: %s", integrity).isTrue();
        assertThat(integrity.get("anchorsChecked").asInt()).as("%s", integrity).isEqualTo(1);
        assertThat(integrity.get("chainsChecked").asInt()).as("%s", integrity).isGreaterThanOrEqualTo(3);
        assertThat(integrity.get("brokenChains")).as("%s", integrity).isEmpty();
    }

    private static List<Long> ids(Connection c, String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static HttpRequest httpGet(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", token).GET().build();
    }

    private static String send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", request.method(), request.uri(), response.body())
                .isEqualTo(expected);
        return response.body();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
