package org.gongjian.notify;

import java.util.List;
import java.util.Set;

import org.gongjian.identity.Role;
import org.gongjian.report.ReportApproved;
import org.gongjian.report.ReportForwarded;
import org.gongjian.report.ReportRef;
import org.gongjian.report.ReportReminderSent;
import org.gongjian.report.ReportReturned;
import org.gongjian.report.ReportSubmitted;
import org.gongjian.report.ReviewStage;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The report workflow's messages: whoever reviews next hears of a submission, the author hears of a return or an
 * approval. Written in the workflow's transaction (inbox rows and the delivery outbox commit with the change).
 */
@Component
class ReportMessages {

    private final Notifications notifications;

    ReportMessages(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The unit head first where the campaign asks for it, else the office. */
    @EventListener
    void on(ReportSubmitted submitted) {
        ReportRef report = submitted.report();
        if (submitted.stage() == ReviewStage.UNIT_HEAD) {
            notifications.toUnit(report.unitId(), Set.of(Role.UNIT_HEAD), NotificationKind.SUBMITTED,
                    "进度报告待审核：" + report.taskTitle(), toReview(report), report.link());
        } else {
            toOffice(report, submitted.officeUnitId());
        }
    }

    @EventListener
    void on(ReportForwarded forwarded) {
        toOffice(forwarded.report(), forwarded.officeUnitId());
    }

    @EventListener
    void on(ReportReturned returned) {
        toAuthor(returned.report(), NotificationKind.RETURNED, "进度报告被退回：" + returned.report().taskTitle(),
                returned.report().periodName() + "的进度报告被退回，原因：" + returned.reason());
    }

    /** A backfilled historical report tells nobody. */
    @EventListener
    void on(ReportApproved approved) {
        if (!approved.historical()) {
            toAuthor(approved.report(), NotificationKind.APPROVED, "进度报告已通过：" + approved.report().taskTitle(),
                    approved.report().periodName() + "的进度报告已审核通过，实际值和节点已更新到任务。");
        }
    }

    /** 催报: the late unit's liaisons and head hear which period the office is still waiting for. */
    @EventListener
    void on(ReportReminderSent reminder) {
        notifications.toUnit(reminder.unitId(), Set.of(Role.LIAISON, Role.UNIT_HEAD), NotificationKind.DEADLINE,
                "催报：" + reminder.campaignName() + reminder.periodName() + "进度",
                reminder.unitName() + "尚有" + reminder.missing() + "项任务未报送" + reminder.periodName()
                        + "的进度（截止" + reminder.deadline() + "），请尽快报送。", reminder.link());
    }

    private void toOffice(ReportRef report, long officeUnitId) {
        notifications.toUnit(officeUnitId, Set.of(Role.SUPERVISOR), NotificationKind.SUBMITTED,
                "进度报告待审核：" + report.taskTitle(), toReview(report), report.link());
    }

    private static String toReview(ReportRef report) {
        return report.unitName() + "报送了" + report.periodName() + "的进度" + (report.late() ? "（迟报）" : "") + "，请审核。";
    }

    /** The liaison who wrote it; a report without a known author (imported) goes to the unit's liaisons. */
    private void toAuthor(ReportRef report, NotificationKind kind, String title, String body) {
        if (report.authorUserId() != null) {
            notifications.toUsers(List.of(report.authorUserId()), kind, title, body, report.link());
        } else {
            notifications.toUnit(report.unitId(), Set.of(Role.LIAISON), kind, title, body, report.link());
        }
    }
}
