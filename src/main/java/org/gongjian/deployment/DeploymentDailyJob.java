package org.gongjian.deployment;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gongjian.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning at 08:00 Beijing time, on one node: carry out the approved rotations whose date has come (each in
 * its own transaction; one that fails stays APPROVED and is logged) and send the month-end presence reminders
 * (idempotent per month).
 */
@Component
public class DeploymentDailyJob {

    private static final Logger log = LoggerFactory.getLogger(DeploymentDailyJob.class);

    private final PresenceService presence;
    private final RotationService rotations;
    private final Clock clock;

    DeploymentDailyJob(PresenceService presence, RotationService rotations, Clock clock) {
        this.presence = presence;
        this.rotations = rotations;
        this.clock = clock;
    }

    public record Result(int rotations, int failedRotations, int reminders) {}

    /** (Public: the bean is a ShedLock proxy when scheduling is on.) */
    @Scheduled(cron = "0 0 8 * * *", zone = "${gongjian.clock.zone:Asia/Shanghai}")
    @SchedulerLock(name = "deployment-daily", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    public Result run() {
        LocalDate today = LocalDate.now(clock);
        int done = 0;
        int failed = 0;
        for (long id : rotations.due(today)) {
            try {
                rotations.executeScheduled(id);
                done++;
            } catch (DomainException e) {
                failed++;
                log.warn("rotation {} not carried out: {}", id, e.getMessage());
            }
        }
        int sent = presence.remind(today);
        log.info("deployment daily {}: {} rotations carried out, {} failed; {} presence reminders", today, done, failed, sent);
        return new Result(done, failed, sent);
    }
}
