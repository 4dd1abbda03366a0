package org.gongjian.integrity;

import org.gongjian.shared.CatchUpOnStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** When a node starts (with scheduling on), a daily anchor missed while no node ran is made at once. */
@Component
@ConditionalOnProperty(name = "gongjian.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class IntegrityCatchUpOnStart {

    private static final Logger log = LoggerFactory.getLogger(IntegrityCatchUpOnStart.class);

    private final IntegrityDailyJob job;
    private final TaskScheduler scheduler;

    IntegrityCatchUpOnStart(IntegrityDailyJob job, TaskScheduler scheduler) {
        this.job = job;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        CatchUpOnStart.schedule(scheduler, "integrity anchor", () -> {
            Anchor anchor = job.catchUp();
            if (anchor != null) {
                log.info("integrity catch-up on start: anchor {} made, missed days {}", anchor.seq(), anchor.missed());
            }
        });
    }
}
