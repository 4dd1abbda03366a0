package org.gongjian.supervision;

import org.gongjian.shared.CatchUpOnStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * When a node starts (with scheduling on), the daily job catches up at once — on the scheduler's thread, through the
 * ShedLock proxy, so the node is ready meanwhile and only one node of a cluster does the work. Shutdown waits for the
 * scheduler (spring.task.scheduling.shutdown.*), and the catch-up stops between days when interrupted.
 */
@Component
@ConditionalOnProperty(name = "gongjian.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SupervisionCatchUpOnStart {

    private static final Logger log = LoggerFactory.getLogger(SupervisionCatchUpOnStart.class);

    private final SupervisionDailyJob job;
    private final TaskScheduler scheduler;

    SupervisionCatchUpOnStart(SupervisionDailyJob job, TaskScheduler scheduler) {
        this.job = job;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        CatchUpOnStart.schedule(scheduler, "supervision daily", () -> {
            SupervisionDailyJob.CatchUp done = job.catchUp();
            if (done != null && !done.days().isEmpty()) {
                log.info("supervision catch-up on start: ran {} day(s)", done.days().size());
            }
        });
    }
}
