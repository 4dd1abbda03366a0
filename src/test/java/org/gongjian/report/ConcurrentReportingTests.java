package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskView;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many liaisons reporting at the deadline, over real HTTP: 50 submitters at once, each retrying its requests the way a
 * phone on a bad network does. Nothing may be lost and nothing duplicated.
 */
class ConcurrentReportingTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void fiftyConcurrentSubmittersWithRetriesLeaveExactlyFiftySubmittedReports() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        List<TaskView> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tasks.add(fixtures.task(s.campaign(), s.county().townshipA(), "并发任务" + i + s.county().tag()));
        }
        String token = Logins.token(mvc, s.liaison());
        CountDownLatch start = new CountDownLatch(1);
        Map<Long, Long> reportOfTask = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (TaskView task : tasks) {
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    String key = "c-" + task.id();
                    String body = JSON.writeValueAsString(Map.of("period", "2026-06", "progressText", "并发报送",
                            "indicatorValues", List.of(Map.of("indicatorId", task.indicators().get(0).id(), "value", 10))));
                    // The first attempt's answer is "lost"; the phone sends the same request again with the same key.
                    send("POST", "/api/v1/tasks/" + task.id() + "/reports", body, token, key);
                    JsonNode created = send("POST", "/api/v1/tasks/" + task.id() + "/reports", body, token, key);
                    long id = created.get("id").asLong();
                    reportOfTask.put(task.id(), id);
                    send("POST", "/api/v1/reports/" + id + "/submit", null, token, "s-" + task.id());
                    send("POST", "/api/v1/reports/" + id + "/submit", null, token, "s-" + task.id());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> taskIds = tasks.stream().map(TaskView::id).toList();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM progress_report WHERE task_id IN (:ids)").param("ids", taskIds)
                .query(Long.class).single()).isEqualTo(50);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM progress_report WHERE task_id IN (:ids) AND status = 'SUBMITTED'")
                .param("ids", taskIds).query(Long.class).single()).isEqualTo(50);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_review v JOIN progress_report r ON r.id = v.report_id"
                        + " WHERE r.task_id IN (:ids)").param("ids", taskIds).query(Long.class).single()).isEqualTo(50);
        assertThat(reportOfTask).hasSize(50);
    }

    @Test
    void peopleStartingTheSamePeriodAtOnceGetOneReport() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        String token = Logins.token(mvc, s.liaison());
        String body = JSON.writeValueAsString(Map.of("period", "2026-06", "progressText", "同时创建"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return status("POST", "/api/v1/tasks/" + s.task().id() + "/reports", body, token);
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                codes.add(f.get());
            }
            assertThat(codes).containsOnly(201, 409);
            assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM progress_report WHERE task_id = :t").param("t", s.task().id())
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Sends until the server has an answer for the key (409 means the first attempt is still running). */
    private JsonNode send(String method, String path, String body, String token, String key) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> response = http.send(request(method, path, body, token).header("Idempotency-Key", key)
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409 && response.body().contains("同一请求正在处理")) {
                Thread.sleep(50);
                continue;
            }
            assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 201);
            return JSON.readTree(response.body());
        }
        throw new AssertionError("no answer for " + path);
    }

    private int status(String method, String path, String body, String token) throws Exception {
        return http.send(request(method, path, body, token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest.Builder request(String method, String path, String body, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }
}
