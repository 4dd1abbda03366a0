package org.gongjian.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A problem (问题) as the API and the pages show it: its measures with their progress, the reasons it is red (an
 * overdue measure; empty when not red), its history, and the 催办 notices its overdue measures caused.
 */
public record ProblemView(long id, long campaignId, long unitId, String unitName, ProblemSource source,
                          String sourceLabel, String category, String description, Severity severity,
                          String severityLabel, LocalDate foundOn, @Nullable Long taskId, @Nullable String taskTitle,
                          @Nullable Long noticeId, ProblemStatus status, String statusLabel, int reopenCount,
                          @Nullable String signedOffBy, @Nullable Instant signedOffAt, @Nullable String signoffReason,
                          String createdBy, Instant createdAt, int version, List<MeasureView> measures,
                          List<String> redReasons, List<Step> steps, List<Chase> chases) {

    /** One line of the problem's history. */
    public record Step(String action, String actor, @Nullable String reason, Instant at) {}

    /** A 催办 notice the overdue rules issued for one of its measures. */
    public record Chase(long measureId, long noticeId, LocalDate issuedOn) {}

    public boolean red() {
        return !redReasons.isEmpty();
    }

    public long doneMeasures() {
        return measures.stream().filter(m -> m.status() == MeasureStatus.DONE).count();
    }

    /** Every measure done (and at least one): ready for sign-off. */
    public boolean allMeasuresDone() {
        return !measures.isEmpty() && doneMeasures() == measures.size();
    }
}
