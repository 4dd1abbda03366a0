package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.supervision.NoticeFixtures.morning;

import java.time.LocalDate;

import org.gongjian.supervision.NoticeFixtures.Setup;
import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The daily job reminds the lead unit's liaisons of an unsubmitted report two days before its deadline, once. */
class DeadlineReminderTests extends IntegrationTest {

    @Autowired NoticeFixtures fixtures;
    @Autowired SupervisionDailyJob job;
    @Autowired DeadlineReminders reminders;
    @Autowired JdbcClient jdbc;

    long reminders(String username, long taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = :u AND kind = 'DEADLINE' AND link = :l")
                .param("u", fixtures.userId(username)).param("l", "/tasks/" + taskId).query(Long.class).single();
    }

    @Test
    void oneReminderPerPeriodTwoDaysBeforeTheDeadline() {
        Setup s = fixtures.redTask(LocalDate.of(2026, 10, 1));
        // June's report is due on 5 July (the campaign's deadline day)
        clock.set(morning(LocalDate.of(2026, 7, 2)));
        reminders.run(LocalDate.of(2026, 7, 2));
        assertThat(reminders(s.c().liaisonAUser(), s.task().id())).isZero();

        clock.set(morning(LocalDate.of(2026, 7, 3)));
        job.run();
        job.run();
        clock.set(morning(LocalDate.of(2026, 7, 4)));
        reminders.run(LocalDate.of(2026, 7, 4));
        assertThat(reminders(s.c().liaisonAUser(), s.task().id())).isEqualTo(1);
        assertThat(reminders(s.headA(), s.task().id())).as("liaisons only").isZero();
        assertThat(jdbc.sql("SELECT title FROM notification WHERE user_id = :u AND kind = 'DEADLINE' AND link = :l")
                .param("u", fixtures.userId(s.c().liaisonAUser())).param("l", "/tasks/" + s.task().id())
                .query(String.class).single()).contains("2026年6月").contains("污水管网改造");
    }
}
