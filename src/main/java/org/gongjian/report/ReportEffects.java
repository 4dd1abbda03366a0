package org.gongjian.report;

import java.util.List;
import java.util.Set;

import org.gongjian.campaign.CampaignService;
import org.gongjian.identity.Role;
import org.gongjian.notify.NotificationKind;
import org.gongjian.notify.Notifications;

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
    private final Notifications notifications;
    private final CampaignService campaigns;

    ReportEffects(TaskService tasks, ReportStore reports, org.springframework.context.ApplicationEventPublisher events,
                  EvidenceService evidence, Notifications notifications, CampaignService campaigns) {
        this.tasks = tasks;
        this.reports = reports;
        this.events = events;
        this.evidence = evidence;
        this.notifications = notifications;
        this.campaigns = campaigns;
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

    /** Separate from {@link #approved}: a backfilled historical report tells nobody. */
    void tellApproved(ReportView report) {
        toAuthor(report, NotificationKind.APPROVED, "进度报告已通过：" + report.taskTitle(),
                report.periodName() + "的进度报告已审核通过，实际值和节点已更新到任务。");
    }

    /** Tells whoever reviews next: the unit head first where the campaign asks for it, else the office. */
    void submitted(ReportView report) {
        String body = report.unitName() + "报送了" + report.periodName() + "的进度" + (report.late() ? "（迟报）" : "") + "，请审核。";
        if (report.reviewStage() == ReviewStage.UNIT_HEAD) {
            notifications.toUnit(report.unitId(), Set.of(Role.UNIT_HEAD), NotificationKind.SUBMITTED,
                    "进度报告待审核：" + report.taskTitle(), body, link(report));
        } else {
            passedToOffice(report);
        }
    }

    void passedToOffice(ReportView report) {
        long office = campaigns.campaign(report.campaignId(), DataScope.everything()).ownerUnitId();
        notifications.toUnit(office, Set.of(Role.SUPERVISOR), NotificationKind.SUBMITTED,
                "进度报告待审核：" + report.taskTitle(),
                report.unitName() + "报送了" + report.periodName() + "的进度" + (report.late() ? "（迟报）" : "") + "，请审核。",
                link(report));
    }

    void returned(ReportView report, String reason) {
        toAuthor(report, NotificationKind.RETURNED, "进度报告被退回：" + report.taskTitle(),
                report.periodName() + "的进度报告被退回，原因：" + reason);
    }

    private void toAuthor(ReportView report, NotificationKind kind, String title, String body) {
        Long author = reports.findUnscoped(report.id()).map(ReportStore.ReportRow::createdByUserId).orElse(null);
        if (author != null) {
            notifications.toUsers(List.of(author), kind, title, body, link(report));
        } else {
            notifications.toUnit(report.unitId(), Set.of(Role.LIAISON), kind, title, body, link(report));
        }
    }

    private static String link(ReportView report) {
        return "/reports/" + report.id();
    }

    List<String> evidenceHashes(long reportId) {
        return evidence.ofReport(reportId).stream().map(EvidenceView::sha256).toList();
    }
}
