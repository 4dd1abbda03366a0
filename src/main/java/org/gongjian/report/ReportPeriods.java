package org.gongjian.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;

import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.InvalidInput;

/** Which periods a task reports for, which one a new report is for, and when a submission is late. */
final class ReportPeriods {

    private ReportPeriods() {
    }

    /**
     * The period a liaison most likely means: the previous period while its report is still missing (a monthly
     * report is written in the first days of the next month), otherwise the current one.
     */
    static ReportingPeriod suggested(TaskView task, CampaignView campaign, LocalDate today, Predicate<String> exists) {
        ReportingPeriod current = ReportingPeriod.containing(clamp(today, task, campaign), campaign);
        ReportingPeriod previous = current.previous();
        if (!previous.end().isBefore(start(task, campaign)) && !exists.test(previous.label())) {
            return previous;
        }
        return current;
    }

    /** A period the task can be reported for: within the task's dates and not in the future. */
    static ReportingPeriod checked(ReportingPeriod period, TaskView task, LocalDate today) {
        if (period.end().isBefore(task.startDate()) || period.start().isAfter(task.dueDate())) {
            throw InvalidInput.of("period", period.displayName() + "不在任务起止日期（" + task.startDate() + " 至 "
                    + task.dueDate() + "）之内");
        }
        if (period.start().isAfter(today)) {
            throw InvalidInput.of("period", period.displayName() + "尚未开始，不能提前报送");
        }
        return period;
    }

    /** Late when handed in after the deadline day, counted in the campaign's zone (Asia/Shanghai), not the server's. */
    static boolean lateAt(LocalDate deadline, Instant submitted, ZoneId zone) {
        return LocalDate.ofInstant(submitted, zone).isAfter(deadline);
    }

    private static LocalDate start(TaskView task, CampaignView campaign) {
        return task.startDate().isAfter(campaign.startDate()) ? task.startDate() : campaign.startDate();
    }

    private static LocalDate clamp(LocalDate today, TaskView task, CampaignView campaign) {
        LocalDate start = start(task, campaign);
        if (today.isBefore(start)) {
            return start;
        }
        return today.isAfter(task.dueDate()) ? task.dueDate() : today;
    }
}
