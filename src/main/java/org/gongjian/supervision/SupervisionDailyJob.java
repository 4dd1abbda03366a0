package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gongjian.shared.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning at 06:30 Beijing time, on one node of the cluster: evaluate every campaign's lights, run the
 * escalation rules, remind liaisons of reports due within two days. Running it twice the same day changes nothing (both steps are idempotent per day).
 */
@Component
public class SupervisionDailyJob {

    private static final Logger log = LoggerFactory.getLogger(SupervisionDailyJob.class);

    private final LightEvaluation lights;
    private final Escalation escalation;
    private final DeadlineReminders reminders;
    private final Clock clock;

    SupervisionDailyJob(LightEvaluation lights, Escalation escalation, DeadlineReminders reminders, Clock clock) {
        this.lights = lights;
        this.escalation = escalation;
        this.reminders = reminders;
        this.clock = clock;
    }

    public record Result(LightEvaluation.Summary lights, Escalation.Result escalation, int deadlineReminders) {}

    /** (Public: the bean is a ShedLock proxy when scheduling is on.) */
    @Scheduled(cron = "0 30 6 * * *", zone = "${gongjian.clock.zone:Asia/Shanghai}")
    @SchedulerLock(name = "supervision-daily", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    public Result run() {
        LocalDate today = LocalDate.now(clock);
        LightEvaluation.Summary summary = lights.evaluateAll(DataScope.everything(), today);
        Escalation.Result escalated = escalation.run(today);
        int reminded = reminders.run(today);
        log.info("supervision daily {}: {} tasks evaluated, {} changed; {} urged, {} escalated, {} interviews; {} deadline "
                + "reminders", today, summary.evaluated(), summary.changed(), escalated.urged(), escalated.escalated(),
                escalated.interviews(), reminded);
        return new Result(summary, escalated, reminded);
    }
}
