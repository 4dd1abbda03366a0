package org.gongjian.rectification;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every morning at 06:40 Beijing time (after supervision's run), on one node: chase overdue measures. */
@Component
public class RectificationDailyJob {

    private static final Logger log = LoggerFactory.getLogger(RectificationDailyJob.class);

    private final RectificationChase chase;
    private final Clock clock;

    RectificationDailyJob(RectificationChase chase, Clock clock) {
        this.chase = chase;
        this.clock = clock;
    }

    /** (Public: the bean is a ShedLock proxy when scheduling is on.) */
    @Scheduled(cron = "0 40 6 * * *", zone = "${gongjian.clock.zone:Asia/Shanghai}")
    @SchedulerLock(name = "rectification-daily", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    public int run() {
        LocalDate today = LocalDate.now(clock);
        int issued = chase.run(today);
        log.info("rectification daily {}: {} overdue measures urged", today, issued);
        return issued;
    }
}
