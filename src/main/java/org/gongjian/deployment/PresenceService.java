package org.gongjian.deployment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 在岗天数 per month from the work logs (a day counts once), against each batch's rule for that month; the shortfall
 * list for ORG_DEPT; and the month-end reminder (once per deployment and month, {@link #REMIND_DAYS} days before the end).
 * Three statements per month whatever the number of cadres.
 */
@Service
@Transactional
public class PresenceService {

    /** Reminders go out from this many days before the month's last day. */
    public static final int REMIND_DAYS = 5;

    private final DeploymentStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PresenceService(DeploymentStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Every personal deployment running in the month (inside the scope), with its presence as of today. */
    @Transactional(readOnly = true)
    public List<PresenceRow> month(YearMonth month, @Nullable Long batchId, DataScope scope) {
        List<DeploymentView> running = store.personalBetween(month.atDay(1), month.atEndOfMonth(), batchId, scope);
        return rows(month, running);
    }

    /** Only those short of days. */
    @Transactional(readOnly = true)
    public List<PresenceRow> shortfalls(YearMonth month, @Nullable Long batchId, DataScope scope) {
        return month(month, batchId, scope).stream().filter(r -> r.month().isShort()).toList();
    }

    /** One cadre's months of one deployment, first to last (or to this month). */
    @Transactional(readOnly = true)
    public List<Presence.Month> months(DeploymentView d) {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = d.endDate().isBefore(today) ? d.endDate() : today;
        List<Presence.Month> months = new ArrayList<>();
        if (last.isBefore(d.startDate())) {
            return months;
        }
        Map<YearMonth, Integer> rules = store.rules(d.batchId());
        List<LocalDate> dates = store.logDates(List.of(d.id()), d.startDate(), last).getOrDefault(d.id(), List.of());
        for (YearMonth m = YearMonth.from(d.startDate()); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            months.add(Presence.month(m, d.startDate(), d.endDate(), rules, dates, today));
        }
        return months;
    }

    private List<PresenceRow> rows(YearMonth month, List<DeploymentView> running) {
        List<Long> ids = running.stream().map(DeploymentView::id).toList();
        Map<Long, List<LocalDate>> dates = store.logDates(ids, month.atDay(1), month.atEndOfMonth());
        Map<Long, Map<YearMonth, Integer>> rules = store.rules(running.stream().map(DeploymentView::batchId).distinct().toList());
        LocalDate today = LocalDate.now(clock);
        return running.stream().map(d -> new PresenceRow(d, Presence.month(month, d.startDate(), d.endDate(),
                rules.getOrDefault(d.batchId(), Map.of()), dates.getOrDefault(d.id(), List.of()), today))).toList();
    }

    /**
     * The reminder run for a day: from {@link #REMIND_DAYS} days before the month's end, every cadre short of days
     * this month who has not been reminded yet gets one {@link PresenceShortfall}. Idempotent per month.
     * @return the number of reminders published
     */
    public int remind(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        if (day.isBefore(month.atEndOfMonth().minusDays(REMIND_DAYS))) {
            return 0;
        }
        int sent = 0;
        for (PresenceRow row : month(month, null, DataScope.everything())) {
            DeploymentView d = row.deployment();
            Presence.Month m = row.month();
            if (m.isShort() && d.personId() != null
                    && store.markReminded(d.id(), month, m.days(), m.required(), clock.instant())) {
                events.publishEvent(new PresenceShortfall(d.id(), d.personId(), String.valueOf(d.personName()),
                        d.targetUnitName(), month, m.days(), m.required(), m.remainingDays()));
                sent++;
            }
        }
        return sent;
    }
}
