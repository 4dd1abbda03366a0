package org.gongjian.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.report.ReportingRecords;
import org.gongjian.shared.DataScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 报送提醒: the lead unit's liaisons hear of a task's current-period report that falls due within
 * {@value #DAYS_BEFORE} days and has not been submitted — once per task and period (table deadline_reminder).
 */
@Component
class DeadlineReminders {

    static final int DAYS_BEFORE = 2;

    private final CampaignService campaigns;
    private final TaskService tasks;
    private final ReportingRecords records;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeadlineReminders(CampaignService campaigns, TaskService tasks, ReportingRecords records,
                      ApplicationEventPublisher events, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.records = records;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** @return how many reminders went out */
    int run(LocalDate asOf) {
        int sent = 0;
        for (CampaignView campaign : campaigns.campaigns(DataScope.everything())) {
            List<TaskView> open = tasks.tasksForEvaluation(campaign.id()).stream()
                    .filter(t -> t.light() != Light.DONE && !t.dueDate().isBefore(asOf)).toList();
            if (open.isEmpty()) {
                continue;
            }
            // the newest period whose deadline lies before asOf + DAYS_BEFORE + 1, i.e. on or before asOf + DAYS_BEFORE
            Map<Long, ReportingRecords.TaskReporting> reporting = records.forTasks(
                    open.stream().map(TaskView::id).toList(), asOf.plusDays(DAYS_BEFORE + 1), 1);
            for (TaskView task : open) {
                ReportingRecords.TaskReporting r = reporting.get(task.id());
                if (r == null || r.lastPeriods().isEmpty()) {
                    continue;
                }
                ReportingRecords.PeriodStatus period = r.lastPeriods().get(0);
                if (period.kind() != ReportingRecords.Kind.MISSING || period.deadline().isBefore(asOf)) {
                    continue;
                }
                try {
                    Boolean done = tx.execute(s -> remind(task, period));
                    sent += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (DataIntegrityViolationException e) {
                    // another node reminded first
                }
            }
        }
        return sent;
    }

    private boolean remind(TaskView task, ReportingRecords.PeriodStatus period) {
        long already = jdbc.sql("SELECT COUNT(*) FROM deadline_reminder WHERE task_id = :t AND period = :p")
                .param("t", task.id()).param("p", period.period()).query(Long.class).single();
        if (already > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO deadline_reminder (task_id, period, sent_at) VALUES (:t, :p, :at)")
                .param("t", task.id()).param("p", period.period()).param("at", Timestamp.from(clock.instant())).update();
        events.publishEvent(new ReportDueSoon(task.id(), task.title(), task.leadUnitId(), period.period(),
                period.periodName(), period.deadline()));
        return true;
    }
}
