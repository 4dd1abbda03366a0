package org.gongjian.report;

import java.util.List;

import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;

/**
 * What a report's review moves elsewhere: an approved report becomes the task's actual values and completed
 * milestones (and so its progress and light); each step tells the people who act next.
 */
@Component
class ReportEffects {

    private final TaskService tasks;
    private final ReportStore reports;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final EvidenceService evidence;

    ReportEffects(TaskService tasks, ReportStore reports, org.springframework.context.ApplicationEventPublisher events,
                  EvidenceService evidence) {
        this.tasks = tasks;
        this.reports = reports;
        this.events = events;
        this.evidence = evidence;
    }

    void approved(ReportView report) {
        TaskView task = tasks.task(report.taskId(), DataScope.everything());
        // An older period approved late (or its correction) must not overwrite what a newer period reported.
        boolean newest = !reports.approvedAfter(report.taskId(), report.period());
        if (newest) {
            for (ReportView.IndicatorValue value : report.indicatorValues()) {
                TaskView.IndicatorView indicator = task.indicators().stream()
                        .filter(i -> i.id() == value.indicatorId()).findFirst().orElse(null);
                if (indicator != null && (indicator.actual() == null || indicator.actual().compareTo(value.value()) != 0)) {
                    tasks.recordActual(report.taskId(), value.indicatorId(), value.value());
                }
            }
        }
        for (ReportView.MilestoneDone done : report.milestonesDone()) {
            TaskView.MilestoneView milestone = task.milestones().stream()
                    .filter(m -> m.id() == done.milestoneId()).findFirst().orElse(null);
            if (milestone != null && milestone.doneDate() == null && done.doneOn() != null) {
                tasks.completeMilestone(report.taskId(), done.milestoneId(), done.doneOn());
            }
        }
        events.publishEvent(new ReportApproved(report.id(), report.taskId(), report.period()));
    }

    void submitted(ReportView report) {
    }

    void passedToOffice(ReportView report) {
    }

    void returned(ReportView report, String reason) {
    }

    List<String> evidenceHashes(long reportId) {
        return evidence.ofReport(reportId).stream().map(EvidenceView::sha256).toList();
    }
}
