package org.gongjian.report;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A task's report of a period as stored, unscoped: what the bulk workbook pre-fills from and checks an import
 * against (the caller has already checked the task against the user's scope).
 */
@Component
@Transactional(readOnly = true)
public class FiledReports {

    /** The stored report, before the view adds values, milestones and the review trail. */
    public record Filed(long id, int version, ReportStatus status, @Nullable String progressText,
                        @Nullable String problems, @Nullable String nextSteps) {}

    private final ReportStore reports;

    FiledReports(ReportStore reports) {
        this.reports = reports;
    }

    /** The latest revision of a task's report for a period, if any. */
    public Optional<Filed> current(long taskId, String period) {
        return reports.current(taskId, period).map(FiledReports::filed);
    }

    /** The task's most recent report of an earlier or the same period. */
    public Optional<Filed> latestBefore(long taskId, String period) {
        return reports.latestBefore(taskId, period).map(FiledReports::filed);
    }

    /** The task's latest report of any period (a handover lists its open problems). */
    public Optional<Filed> latest(long taskId) {
        return reports.latest(taskId).map(FiledReports::filed);
    }

    public List<ReportView.IndicatorValue> values(long reportId) {
        return reports.values(reportId);
    }

    public List<ReportView.MilestoneDone> milestones(long reportId) {
        return reports.milestones(reportId);
    }

    private static Filed filed(ReportStore.ReportRow r) {
        return new Filed(r.id(), r.version(), r.status(), r.progressText(), r.problems(), r.nextSteps());
    }
}
