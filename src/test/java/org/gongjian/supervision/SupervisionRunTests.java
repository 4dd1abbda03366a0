package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.supervision.NoticeFixtures.SHANGHAI;
import static org.gongjian.supervision.NoticeFixtures.morning;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.gongjian.supervision.NoticeFixtures.Row;
import org.gongjian.supervision.NoticeFixtures.Setup;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The daily job as a record of completed days: missed days are caught up by themselves, oldest first, each day's
 * lights before its escalation; a second catch-up or a re-run of a day changes nothing; the on-demand endpoint runs
 * exactly the daily job for a date, for the supervision office only, within the campaigns' years ±1.
 */
class SupervisionRunTests extends IntegrationTest {

    static final LocalDate MILESTONE_DUE = LocalDate.of(2026, 6, 20);

    @Autowired NoticeFixtures fixtures;
    @Autowired SupervisionDailyJob job;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void noRecordedDays() {
        // the table is the job's memory; other tests in this context may have run days of their own
        jdbc.sql("DELETE FROM supervision_run").update();
    }

    void completed(LocalDate day) {
        jdbc.sql("""
                INSERT INTO supervision_run (run_date, finished_at, trigger_kind, tasks_evaluated, lights_changed, urged,
                       escalated, interviews, reminders) VALUES (:d, :at, 'SCHEDULE', 0, 0, 0, 0, 0, 0)""")
                .param("d", day).param("at", day.atTime(6, 31)).update();
    }

    List<LocalDate> recordedDays() {
        return jdbc.sql("SELECT run_date FROM supervision_run ORDER BY finished_at, run_date")
                .query(LocalDate.class).list();
    }

    @Test
    void missedDaysAreCaughtUpInOrderEachDaysLightsBeforeItsEscalation() {
        Setup s = fixtures.redTask(MILESTONE_DUE);
        completed(MILESTONE_DUE);
        // the node was down from 20 June to 30 June, 06:30
        clock.set(morning(LocalDate.of(2026, 6, 30)));

        SupervisionDailyJob.CatchUp first = job.catchUp();

        List<LocalDate> expected = MILESTONE_DUE.plusDays(1).datesUntil(LocalDate.of(2026, 7, 1)).toList();
        assertThat(first.days()).extracting(SupervisionDailyJob.DayRun::date).containsExactlyElementsOf(expected);
        assertThat(recordedDays()).containsExactlyElementsOf(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(MILESTONE_DUE), expected.stream()).toList());
        // red from 21 June (the milestone overdue); the 7-day rule urged on 28 June — only possible if each day's
        // lights were evaluated before that day's escalation, day after day
        List<Row> notices = fixtures.notices(s.task().id());
        assertThat(notices).extracting(Row::level).containsExactly("URGE");
        assertThat(notices.get(0).responseDue())
                .isEqualTo(MILESTONE_DUE.plusDays(1 + Escalation.RED_DAYS).plusDays(NoticeService.RESPONSE_DAYS));

        // idempotent: a second catch-up runs nothing, re-running a past day creates nothing new
        assertThat(job.catchUp().days()).isEmpty();
        job.runDay(LocalDate.of(2026, 6, 28), "MANUAL");
        assertThat(fixtures.notices(s.task().id())).hasSize(1);
        assertThat(recordedDays()).hasSize(expected.size() + 1);
    }

    @Test
    void beforeSixThirtyTodayIsNotYetDue() {
        completed(LocalDate.of(2026, 7, 8));
        clock.set(LocalDateTime.of(2026, 7, 10, 5, 59).atZone(SHANGHAI).toInstant());
        assertThat(job.catchUp().days()).extracting(SupervisionDailyJob.DayRun::date)
                .containsExactly(LocalDate.of(2026, 7, 9));
        clock.set(LocalDateTime.of(2026, 7, 10, 6, 30).atZone(SHANGHAI).toInstant());
        assertThat(job.catchUp().days()).extracting(SupervisionDailyJob.DayRun::date)
                .containsExactly(LocalDate.of(2026, 7, 10));
    }

    @Test
    void aFreshInstallationRunsOnlyTheLastDueDay() {
        clock.set(morning(LocalDate.of(2026, 7, 20)));
        assertThat(job.catchUp().days()).extracting(SupervisionDailyJob.DayRun::date)
                .containsExactly(LocalDate.of(2026, 7, 20));
        assertThat(recordedDays()).containsExactly(LocalDate.of(2026, 7, 20));
    }

    @Test
    void theEndpointRunsTheDailyJobForADateIdempotently() throws Exception {
        Setup s = fixtures.redTask(MILESTONE_DUE);
        clock.set(morning(LocalDate.of(2026, 7, 1)));
        String token = Logins.token(mvc, s.supervisor());
        mvc.perform(post("/api/v1/supervision/run?asOf=2026-06-21").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lights.asOf").value("2026-06-21"));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/supervision/run?asOf=2026-06-28").header("Authorization", token))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.escalation.asOf").value("2026-06-28"));
        }
        assertThat(fixtures.notices(s.task().id())).extracting(Row::level).containsExactly("URGE");
        assertThat(jdbc.sql("SELECT trigger_kind FROM supervision_run WHERE run_date = :d")
                .param("d", LocalDate.of(2026, 6, 28)).query(String.class).single()).isEqualTo("API");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'supervision.run' AND actor = :a "
                        + "AND entity_id = '2026-06-28'").param("a", s.supervisor()).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void datesOutsideTheCampaignYearsAndUnparsableDatesAre400AndChangeNothing() throws Exception {
        Setup s = fixtures.redTask(MILESTONE_DUE);
        String token = Logins.token(mvc, s.supervisor());
        long auditBefore = jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
        for (String path : List.of("/api/v1/supervision/run", "/api/v1/supervision/evaluate")) {
            for (String asOf : List.of("+99999-12-31", "1900-01-01", "2026-13-45", "tomorrow", "-0001-01-01")) {
                mvc.perform(post(path).param("asOf", asOf).header("Authorization", token))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.errors[0].field").value("asOf"));
            }
        }
        assertThat(recordedDays()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()).isEqualTo(auditBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task_light_period WHERE since_date > DATE '2100-01-01'").query(Long.class)
                .single()).isZero();
        // the year after the campaign's is still allowed (a campaign's December reports are due in January)
        job.checkInBounds(LocalDate.of(2027, 12, 31));
        job.checkInBounds(LocalDate.of(2025, 1, 1));
    }

    @Test
    void onlyTheSupervisionOfficeAndAdministratorsMayRunIt() throws Exception {
        Setup s = fixtures.redTask(MILESTONE_DUE);
        for (String user : List.of(s.c().liaisonAUser(), s.headA(), s.leaderA())) {
            mvc.perform(post("/api/v1/supervision/run?asOf=2026-06-28").header("Authorization", Logins.token(mvc, user)))
                    .andExpect(status().isForbidden());
        }
        assertThat(recordedDays()).isEmpty();
        assertThat(fixtures.notices(s.task().id())).isEmpty();
    }
}
