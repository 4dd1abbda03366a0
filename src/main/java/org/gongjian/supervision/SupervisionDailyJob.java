package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Upserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.MapBindingResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily supervision job for one date: evaluate every campaign's lights, run the escalation rules, remind liaisons
 * of reports due within two days — in that order. Each completed day is recorded in {@code supervision_run}.
 * Every hour from 06:30 to 23:30 Beijing time (and once when a node starts, see {@link SupervisionCatchUpOnStart})
 * {@link #catchUp()} runs, on one node of the cluster, every day after the newest recorded one up to today (today
 * only from 06:30 on): a node that was down at 06:30 catches the missed days up by itself, in date order.
 * Running a day twice changes nothing (each step is idempotent per day; the unique keys catch concurrent runs).
 */
@Component
public class SupervisionDailyJob {

    private static final Logger log = LoggerFactory.getLogger(SupervisionDailyJob.class);

    /** From this time of day (campaign zone) today's run is due; before it, yesterday is the last due day. */
    static final LocalTime DUE_AT = LocalTime.of(6, 30);

    private final LightEvaluation lights;
    private final Escalation escalation;
    private final DeadlineReminders reminders;
    private final CampaignService campaigns;
    private final JdbcClient jdbc;
    private final Upserts upserts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    SupervisionDailyJob(LightEvaluation lights, Escalation escalation, DeadlineReminders reminders,
                        CampaignService campaigns, JdbcClient jdbc, Upserts upserts, ApplicationEventPublisher events,
                        PlatformTransactionManager transactions, Clock clock) {
        this.tx = new TransactionTemplate(transactions);
        this.lights = lights;
        this.escalation = escalation;
        this.reminders = reminders;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.upserts = upserts;
        this.events = events;
        this.clock = clock;
    }

    public record Result(LightEvaluation.Summary lights, Escalation.Result escalation, int deadlineReminders) {}

    public record DayRun(LocalDate date, Result result) {}

    /** The days run by one catch-up, oldest first (empty when nothing was due). */
    public record CatchUp(List<DayRun> days) {}

    /**
     * Runs every missed day, oldest first, up to the last due day. With no recorded run yet only the last due day
     * runs (a new installation does not replay history). (Public: the bean is a ShedLock proxy when scheduling is on.)
     */
    @Scheduled(cron = "0 30 6-23 * * *", zone = "${gongjian.clock.zone:Asia/Shanghai}")
    @SchedulerLock(name = "supervision-daily", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public CatchUp catchUp() {
        LocalDate due = lastDueDay();
        LocalDate last = lastCompleted();
        List<LocalDate> days = new ArrayList<>();
        if (last == null || !last.isBefore(due)) {
            if (!completed(due)) {
                days.add(due);
            }
        } else {
            for (LocalDate d = last.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        if (days.size() > 1) {
            log.info("supervision catch-up: {} missed day(s), {} .. {}", days.size(), days.get(0),
                    days.get(days.size() - 1));
        }
        List<DayRun> runs = new ArrayList<>();
        for (LocalDate day : days) {
            if (Thread.currentThread().isInterrupted()) {
                log.info("supervision catch-up interrupted before {} (shutting down); the next start resumes there", day);
                break;
            }
            runs.add(new DayRun(day, runDay(day, "SCHEDULE")));
        }
        return new CatchUp(runs);
    }

    /** Today's run, whatever the recorded days (tests and a manual "run now"). */
    public Result run() {
        return runDay(LocalDate.now(clock), "MANUAL");
    }

    /**
     * Exactly the daily job for {@code date}: lights, escalation, reminders, then the day recorded as completed.
     * The API checks {@code date} with {@link #checkInBounds} first.
     */
    public Result runDay(LocalDate date, String trigger) {
        // its own transaction, run again should PostgreSQL give it up over locks (an approval meeting it): a day
        // whose lights failed would otherwise wait for the next start's catch-up
        LightEvaluation.Summary summary = org.gongjian.shared.LockRetry.run(() -> lights.evaluateDue(date));
        Escalation.Result escalated = escalation.run(date);
        int reminded = reminders.run(date);
        Result result = new Result(summary, escalated, reminded);
        tx.executeWithoutResult(status -> {
            record(date, trigger, result);
            events.publishEvent(new AuditableChange("supervision.run", "supervision_run", date.toString(), null,
                    result));
        });
        log.info("supervision daily {} ({}): {} tasks evaluated, {} changed; {} urged, {} escalated, {} interviews; {} "
                + "deadline reminders", date, trigger, summary.evaluated(), summary.changed(), escalated.urged(),
                escalated.escalated(), escalated.interviews(), reminded);
        return result;
    }

    /**
     * A supervision date must lie within the campaigns' years ±1 (today's year counts as a campaign year), so a typo
     * like {@code +99999-12-31} can't write light history into a nonsense year.
     */
    public void checkInBounds(LocalDate date) throws BindException {
        int today = LocalDate.now(clock).getYear();
        int min = today;
        int max = today;
        for (CampaignView c : campaigns.campaigns(DataScope.everything())) {
            min = Math.min(min, Math.min(c.year(), c.startDate().getYear()));
            max = Math.max(max, Math.max(c.year(), c.endDate().getYear()));
        }
        if (date.getYear() < min - 1 || date.getYear() > max + 1) {
            throw badDate(date.toString(), "asOf 须在攻坚年度前后一年之内（" + (min - 1) + "—" + (max + 1) + "年）");
        }
    }

    /** A 400 problem naming the {@code asOf} parameter (the API's handler turns a BindException into one). */
    static BindException badDate(String value, String message) {
        MapBindingResult binding = new MapBindingResult(new java.util.HashMap<>(java.util.Map.of("asOf", value)),
                "request");
        binding.rejectValue("asOf", "asOf", message);
        return new BindException(binding);
    }

    LocalDate lastDueDay() {
        LocalDateTime now = LocalDateTime.now(clock);
        return now.toLocalTime().isBefore(DUE_AT) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
    }

    @org.jspecify.annotations.Nullable
    LocalDate lastCompleted() {
        return jdbc.sql("SELECT MAX(run_date) FROM supervision_run").query(LocalDate.class).optional().orElse(null);
    }

    boolean completed(LocalDate date) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_run WHERE run_date = :d").param("d", date)
                .query(Long.class).single() > 0;
    }

    /**
     * One statement: a run of a day another node recorded a moment ago updates its row. (The insert that used to
     * follow an update finding nothing failed on the key then, and on PostgreSQL left the transaction aborted — the
     * caught exception did not save the day's audit line after it.)
     */
    private void record(LocalDate date, String trigger, Result r) {
        upserts.put("supervision_run", java.util.Map.of("run_date", date, "finished_at", LocalDateTime.now(clock),
                "trigger_kind", trigger, "tasks_evaluated", r.lights().evaluated(), "lights_changed", r.lights().changed(),
                "urged", r.escalation().urged(), "escalated", r.escalation().escalated(),
                "interviews", r.escalation().interviews(), "reminders", r.deadlineReminders()), "run_date");
    }
}
