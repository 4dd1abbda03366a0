package org.gongjian.talent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gongjian.shared.AuditableChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every morning at 06:20 Beijing time (before the supervision run at 06:30), on one node: remind the delivering unit of
 * requests due within one working day, tell it and the office of requests that went past their deadline (each once
 * per deadline), and feed the campaign indicators. Running it twice a day changes nothing more.
 */
@Component
public class TalentDailyJob {

    private static final Logger log = LoggerFactory.getLogger(TalentDailyJob.class);

    private final RequestStore requests;
    private final HolidayCalendar holidays;
    private final TalentFeeds feeds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TalentDailyJob(RequestStore requests, HolidayCalendar holidays, TalentFeeds feeds, ApplicationEventPublisher events,
                   Clock clock) {
        this.requests = requests;
        this.holidays = holidays;
        this.feeds = feeds;
        this.events = events;
        this.clock = clock;
    }

    public record Result(int reminded, int overdue, List<TalentFeeds.Fed> fed) {}

    /** (Public: the bean is a ShedLock proxy when scheduling is on.) */
    @Scheduled(cron = "0 20 6 * * *", zone = "${gongjian.clock.zone:Asia/Shanghai}")
    @SchedulerLock(name = "talent-daily", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    @Transactional
    public Result run() {
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar calendar = holidays.calendar();
        int reminded = 0;
        int overdue = 0;
        for (RequestStore.Row row : requests.openDueBy(calendar.plusWorkingDays(today, 1))) {
            RequestView request = RequestService.view(row, calendar, today);
            if (today.isAfter(row.dueOn())) {
                if (requests.flag(row.id(), "overdue_noticed")) {
                    int late = calendar.workingDaysBetween(row.dueOn(), today);
                    events.publishEvent(new AuditableChange("talent_request.overdue", "talent_request",
                            String.valueOf(row.id()), null, java.util.Map.of("dueOn", row.dueOn().toString(), "asOf", today.toString())));
                    events.publishEvent(new TalentRequestOverdue(request.ref(), late));
                    overdue++;
                }
            } else if (requests.flag(row.id(), "reminded")) {
                events.publishEvent(new TalentRequestDueSoon(request.ref()));
                reminded++;
            }
        }
        List<TalentFeeds.Fed> fed = feeds.run();
        log.info("talent daily {}: {} reminders, {} overdue, {} indicators fed", today, reminded, overdue, fed.size());
        return new Result(reminded, overdue, fed);
    }
}
