package org.gongjian.shared;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * A daily job's catch-up when a node starts: run once at once on the scheduler's thread (through the job's ShedLock
 * proxy, so only one node of a cluster does the work and the node is ready meanwhile). A failure is logged; the job's
 * next scheduled run tries again. Shutdown waits for the scheduler (spring.task.scheduling.shutdown.*).
 */
public final class CatchUpOnStart {

    private static final Logger log = LoggerFactory.getLogger(CatchUpOnStart.class);

    private CatchUpOnStart() {
    }

    public static void schedule(TaskScheduler scheduler, String job, Runnable catchUp) {
        scheduler.schedule(() -> {
            try {
                catchUp.run();
            } catch (RuntimeException e) {
                log.error("{} catch-up on start failed; its next scheduled run tries again", job, e);
            }
        }, Instant.now());
    }
}
