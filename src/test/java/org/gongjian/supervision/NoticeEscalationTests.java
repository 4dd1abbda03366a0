package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.supervision.NoticeFixtures.morning;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskService;
import org.gongjian.supervision.NoticeFixtures.Row;
import org.gongjian.supervision.NoticeFixtures.Setup;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The escalation timeline on the test clock, the daily job run each morning: red → 7 days → 催办 to the lead unit →
 * unanswered → 督办 to the lead leader → unanswered → 约谈; a response and close stops it; the same day twice and two
 * nodes at once create nothing twice; a new notice reaches a group robot.
 */
class NoticeEscalationTests extends IntegrationTest {

    static final LocalDate MILESTONE_DUE = LocalDate.of(2026, 6, 20);

    @Autowired NoticeFixtures fixtures;
    @Autowired SupervisionDailyJob job;
    @Autowired Escalation escalation;
    @Autowired NoticeStore noticeStore;
    @Autowired LightEvaluation lights;
    @Autowired TaskService tasks;
    @Autowired MockMvc mvc;
    @Autowired DataSource dataSource;
    @Autowired ApplicationContext context;

    /**
     * Each morning from {@code from} to {@code to} (inclusive): the daily job's two steps for this test's campaign
     * (evaluate, escalate) — the job itself evaluates every campaign in the shared test database, thousands of tasks
     * in a full run, so it runs on the mornings that matter ({@link #jobOn}).
     */
    void days(Setup s, LocalDate from, LocalDate to) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            clock.set(morning(d));
            lights.evaluateCampaign(s.campaign().id(), d);
            escalation.run(d);
        }
    }

    void jobOn(LocalDate day) {
        clock.set(morning(day));
        job.run();
    }

    @Test
    void aSecondRunTheSameDayLeavesOutUrgedTasksInAFewStatements() {
        List<Setup> five = java.util.stream.IntStream.range(0, 5).mapToObj(i -> fixtures.redTask(MILESTONE_DUE)).toList();
        LocalDate day = MILESTONE_DUE.plusDays(1 + Escalation.RED_DAYS);
        for (LocalDate d = MILESTONE_DUE.minusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
            clock.set(morning(d));
            for (Setup s : five) {
                lights.evaluateCampaign(s.campaign().id(), d);
            }
        }
        escalation.run(day);   // urges these five (and any other long-red task in the database)
        for (Setup s : five) {
            assertThat(fixtures.notices(s.task().id())).extracting(Row::level).containsExactly("URGE");
        }

        // every long-red task now has its notice: the run reads them in a few statements, not a transaction each
        var again = org.gongjian.support.StatementCounter.count(() -> escalation.run(day));
        assertThat(again.result().urged()).isZero();
        assertThat(again.count()).as("statements of a run with every red task settled: %s", again.statements())
                .isLessThanOrEqualTo(6);   // red periods, two settled reads, past-due and second-督办 reads
        for (Setup s : five) {
            assertThat(fixtures.notices(s.task().id())).hasSize(1);
        }
    }

    @Test
    void sixtyDaysRedUrgeThenSuperviseTheLeaderThenInterview() {
        Setup s = fixtures.redTask(MILESTONE_DUE);
        LocalDate start = MILESTONE_DUE.minusDays(3);
        LocalDate redFrom = MILESTONE_DUE.plusDays(1);

        days(s, start, redFrom.plusDays(6));
        assertThat(tasks.task(s.task().id(), NoticeFixtures.ALL).light()).isEqualTo(Light.RED);
        assertThat(fixtures.notices(s.task().id())).as("red for 6 days: no notice yet").isEmpty();

        jobOn(redFrom.plusDays(7));
        List<Row> notices = fixtures.notices(s.task().id());
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.level()).isEqualTo("URGE");
            assertThat(n.origin()).isEqualTo("AUTO");
            assertThat(n.unitId()).isEqualTo(s.c().townshipA().id());
            assertThat(n.leaderPersonId()).isNull();
            assertThat(n.createdOn()).isEqualTo(redFrom.plusDays(7));
            assertThat(n.responseDue()).isEqualTo(redFrom.plusDays(12));
            assertThat(n.requirement()).startsWith("该任务已连续红灯7天：").contains("节点“完成管网招标”已逾期")
                    .contains("请于5日内");
        });
        long urge = notices.get(0).id();
        assertThat(fixtures.inbox(s.c().liaisonAUser(), urge)).containsExactly("NOTICE");
        assertThat(fixtures.inbox(s.headA(), urge)).containsExactly("NOTICE");
        assertThat(fixtures.inbox(s.c().liaisonBUser(), urge)).isEmpty();

        // the same morning again: nothing new
        job.run();
        assertThat(fixtures.notices(s.task().id())).hasSize(1);

        // unanswered past its due date (day 12) → 督办 to the lead leader on day 13
        days(s, redFrom.plusDays(8), redFrom.plusDays(12));
        assertThat(fixtures.notices(s.task().id())).as("not yet past due").hasSize(1);
        jobOn(redFrom.plusDays(13));
        notices = fixtures.notices(s.task().id());
        assertThat(notices).extracting(Row::level).containsExactly("URGE", "SUPERVISE");
        assertThat(notices.get(0).status()).isEqualTo("ESCALATED");
        Row supervise = notices.get(1);
        assertThat(supervise.createdOn()).isEqualTo(redFrom.plusDays(13));
        assertThat(supervise.leaderPersonId()).isEqualTo(s.c().cadreA().id());
        assertThat(supervise.escalatedFromId()).isEqualTo(urge);
        assertThat(fixtures.inbox(s.leaderA(), supervise.id())).containsExactly("ESCALATION");
        assertThat(fixtures.inbox(s.c().liaisonAUser(), supervise.id())).containsExactly("ESCALATION");

        // unanswered again → 约谈; then nothing more (约谈 → 问责 only by hand), up to day 60
        days(s, redFrom.plusDays(14), redFrom.plusDays(18));
        jobOn(redFrom.plusDays(19));
        days(s, redFrom.plusDays(20), start.plusDays(60));
        notices = fixtures.notices(s.task().id());
        assertThat(notices).extracting(Row::level).containsExactly("URGE", "SUPERVISE", "INTERVIEW");
        assertThat(notices).extracting(Row::status).containsExactly("ESCALATED", "ESCALATED", "OPEN");
        assertThat(notices.get(2).createdOn()).isEqualTo(redFrom.plusDays(19));
        assertThat(notices.get(2).leaderPersonId()).isEqualTo(s.c().cadreA().id());
        assertThat(tasks.task(s.task().id(), NoticeFixtures.ALL).light()).isEqualTo(Light.RED);
        // the open 约谈 is long past its date: people's business now, not re-read by every morning's run
        assertThat(notices.get(2).responseDue()).isBefore(start.plusDays(60));
        assertThat(noticeStore.openPastDue(start.plusDays(60))).doesNotContain(notices.get(2).id());
    }

    @Test
    void aResponseAndCloseStopTheEscalation() throws Exception {
        Setup s = fixtures.redTask(MILESTONE_DUE);
        LocalDate redFrom = MILESTONE_DUE.plusDays(1);
        days(s, MILESTONE_DUE.minusDays(1), redFrom.plusDays(7));
        long urge = fixtures.notices(s.task().id()).get(0).id();

        clock.set(morning(redFrom.plusDays(9)).plus(Duration.ofHours(3)));
        String liaison = Logins.token(mvc, s.c().liaisonAUser());
        mvc.perform(post("/api/v1/supervision/notices/{id}/responses", urge).header("Authorization", liaison)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"已约谈施工方，招标文件本周挂网。\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("RESPONDED"))
                .andExpect(jsonPath("$.responses[0].text").value("已约谈施工方，招标文件本周挂网。"));
        // past the due date but answered: no escalation
        days(s, redFrom.plusDays(10), redFrom.plusDays(13));
        jobOn(redFrom.plusDays(14));
        assertThat(fixtures.notices(s.task().id())).extracting(Row::status).containsExactly("RESPONDED");

        clock.set(morning(redFrom.plusDays(15)).plus(Duration.ofHours(3)));
        mvc.perform(post("/api/v1/supervision/notices/{id}/close", urge)
                        .header("Authorization", Logins.token(mvc, s.supervisor()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"整改措施可行，继续跟踪\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closeNote").value("整改措施可行，继续跟踪"));

        // still red, same red stretch: the rules do not urge again
        days(s, redFrom.plusDays(16), MILESTONE_DUE.plusDays(60));
        assertThat(fixtures.notices(s.task().id())).extracting(Row::level, Row::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("URGE", "CLOSED"));
    }

    @Test
    void aSecondSuperviseOnTheSameTaskBecomesAnInterview() throws Exception {
        Setup s = fixtures.redTask(MILESTONE_DUE.plusMonths(3));
        clock.set(morning(MILESTONE_DUE));
        String office = Logins.token(mvc, s.supervisor());
        String body = """
                {"taskId":%d,"level":"SUPERVISE","requirement":"请说明招标滞后原因","responseDue":"%s"}"""
                .formatted(s.task().id(), MILESTONE_DUE.plusDays(5));
        String first = mvc.perform(post("/api/v1/supervision/notices").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.leaderPersonId").value(s.c().cadreA().id()))
                .andReturn().getResponse().getContentAsString();
        long firstId = Long.parseLong(first.replaceAll("^\\{\"id\":(\\d+),.*$", "$1").trim());
        escalation.run(MILESTONE_DUE);
        assertThat(fixtures.notices(s.task().id())).extracting(Row::level).containsExactly("SUPERVISE");

        mvc.perform(post("/api/v1/supervision/notices/{id}/responses", firstId)
                .header("Authorization", Logins.token(mvc, s.c().liaisonAUser()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"已整改\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/supervision/notices/{id}/close", firstId).header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/supervision/notices").header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());

        escalation.run(MILESTONE_DUE);
        escalation.run(MILESTONE_DUE);
        List<Row> notices = fixtures.notices(s.task().id());
        assertThat(notices).extracting(Row::level).containsExactly("SUPERVISE", "SUPERVISE", "INTERVIEW");
        assertThat(notices).extracting(Row::status).containsExactly("CLOSED", "ESCALATED", "OPEN");
        assertThat(notices.get(2).requirement()).contains("第二次被督办").contains("约谈");
        assertThat(fixtures.inbox(s.leaderA(), notices.get(2).id())).containsExactly("ESCALATION");
    }

    @Test
    void twoNodesAtOnceRunTheJobOnceAndTheUniqueKeysCatchTheRest() throws Exception {
        Method run = SupervisionDailyJob.class.getMethod("catchUp");
        assertThat(run.getAnnotation(SchedulerLock.class).name()).isEqualTo("supervision-daily");
        // 06:30, then hourly until 23:30 so a failed or missed morning is caught up the same day
        assertThat(run.getAnnotation(Scheduled.class).cron()).isEqualTo("0 30 6-23 * * *");
        // the job runs at 06:30 in the campaign zone (gongjian.clock.zone), Asia/Shanghai unless configured
        assertThat(context.getEnvironment().resolvePlaceholders(run.getAnnotation(Scheduled.class).zone()))
                .isEqualTo("Asia/Shanghai");

        Setup s = fixtures.redTask(MILESTONE_DUE);
        LocalDate redFrom = MILESTONE_DUE.plusDays(1);
        lights.evaluateCampaign(s.campaign().id(), redFrom);
        LocalDate day7 = redFrom.plusDays(7);
        lights.evaluateCampaign(s.campaign().id(), day7);
        clock.set(morning(day7));

        // Two nodes, each with its own lock provider on the shared table (as SchedulingConfig builds it), run the
        // locked job at the same moment: one runs the body, the other skips it. (The lock name is unique to this
        // test run: a real run holds "supervision-daily" for at least 5 minutes.)
        String lockName = "supervision-daily-test-" + UUID.randomUUID();
        List<LockingTaskExecutor.TaskResult<SupervisionDailyJob.Result>> results = concurrently(2, () -> {
            LockingTaskExecutor node = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                    JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(new JdbcTemplate(dataSource))
                            .usingDbTime().build()));
            try {
                return node.executeWithLock(() -> job.run(), new LockConfiguration(Instant.now(), lockName,
                        Duration.ofMinutes(30), Duration.ofMinutes(5)));
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(results).filteredOn(LockingTaskExecutor.TaskResult::wasExecuted).hasSize(1);
        assertThat(fixtures.notices(s.task().id())).extracting(Row::level).containsExactly("URGE");

        // Without the lock (a node whose lock expired, or a manual run) the unique keys still prevent duplicates.
        clock.set(morning(redFrom.plusDays(13)));
        List<Escalation.Result> runs = concurrently(4, () -> escalation.run(redFrom.plusDays(13)));
        assertThat(runs).hasSize(4);
        assertThat(fixtures.notices(s.task().id())).extracting(Row::level).containsExactly("URGE", "SUPERVISE");
    }

    @SuppressWarnings("unchecked")
    @Test
    void aNewNoticeReachesTheGroupRobotAfterTheDispatcherRuns() throws Exception {
        Setup s = fixtures.redTask(MILESTONE_DUE.plusMonths(3));
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ok);
            }
        });
        server.start();
        Object settings = context.getBean(Class.forName("org.gongjian.notify.NotifySettings"));
        Method wecom = settings.getClass().getMethod("getWecom");
        wecom.setAccessible(true);
        Object robot = wecom.invoke(settings);
        Method setWebhook = robot.getClass().getMethod("setWebhook", String.class);
        setWebhook.setAccessible(true);
        try {
            setWebhook.invoke(robot, "http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/webhook/send?key=k");
            clock.set(morning(MILESTONE_DUE));
            mvc.perform(post("/api/v1/supervision/notices").header("Authorization", Logins.token(mvc, s.supervisor()))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"taskId":%d,"level":"REMIND","requirement":"请加快招标进度%s","responseDue":"%s"}"""
                            .formatted(s.task().id(), s.c().tag(), MILESTONE_DUE.plusDays(3))))
                    .andExpect(status().isCreated());
            assertThat(received).as("nothing is sent inside the request's transaction").noneMatch(b -> b.contains(s.c().tag()));
            Object dispatcher = context.getBean("deliveryDispatcher");
            Method dispatch = dispatcher.getClass().getMethod("dispatch");
            dispatch.setAccessible(true);
            dispatch.invoke(dispatcher);
            assertThat(received).anySatisfy(b -> assertThat(b).contains("请加快招标进度" + s.c().tag())
                    .contains("【提醒】污水管网改造" + s.c().tag()).contains("督办单"));
        } finally {
            setWebhook.invoke(robot, "");
            server.stop(0);
        }
    }

    private static <T> List<T> concurrently(int threads, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return work.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
