package org.gongjian.deployment;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every morning at 08:00 Beijing time, on one node: the month-end presence reminders (idempotent per month). */
@Component
public class PresenceJob {

    private static final Logger log = LoggerFactory.getLogger(PresenceJob.class);

    private final PresenceService presence;
    private final Clock clock;

    PresenceJob(PresenceService presence, Clock clock) {
        this.presence = presence;
        this.clock = clock;
    }

    /** (Public: the bean is a ShedLock proxy when scheduling is on.) */
    @Scheduled(cron = "0 0 8 * * *", zone = "${gongjian.clock.zone:Asia/Shanghai}")
    @SchedulerLock(name = "deployment-presence", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    public int run() {
        LocalDate today = LocalDate.now(clock);
        int sent = presence.remind(today);
        log.info("presence reminders {}: {} sent", today, sent);
        return sent;
    }
}
