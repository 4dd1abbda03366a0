package org.gongjian.report;

import java.util.List;

/**
 * Published in the approving transaction once a report's values and milestones have reached its task.
 * {@code affectedTaskIds}: the task and the ancestors its progress reached, nearest first (what needs new lights).
 * {@code historical}: recorded through the backfill of past periods, which tells nobody.
 */
public record ReportApproved(ReportRef report, List<Long> affectedTaskIds, boolean historical) {

    public ReportApproved {
        affectedTaskIds = List.copyOf(affectedTaskIds);
    }

    public long reportId() {
        return report.reportId();
    }

    public long taskId() {
        return report.taskId();
    }

    public String period() {
        return report.period();
    }
}
