package org.gongjian.integrity;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Anchors the chain heads every day at 00:10 (once per cluster). */
@Component
public class IntegrityDailyJob {

    private final IntegrityService integrity;

    IntegrityDailyJob(IntegrityService integrity) {
        this.integrity = integrity;
    }

    /** (Public: the bean is a ShedLock proxy when scheduling is on.) */
    @Scheduled(cron = "0 10 0 * * *", zone = "${gongjian.clock.zone:Asia/Shanghai}")
    @SchedulerLock(name = "integrity-daily-anchor", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public Anchor run() {
        return integrity.anchorNow("system");
    }
}
