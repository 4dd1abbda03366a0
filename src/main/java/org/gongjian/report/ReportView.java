package org.gongjian.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A progress report as the API and the pages show it (DESIGN.md Report shape, plus review details). */
public record ReportView(long id, long taskId, String taskTitle, long campaignId, long unitId, String unitName,
                         String period, String periodName, LocalDate deadline, int revision,
                         @Nullable Long correctsReportId, List<IndicatorValue> indicatorValues,
                         @Nullable String progressText, @Nullable String problems, @Nullable String nextSteps,
                         List<MilestoneDone> milestonesDone, ReportStatus status, @Nullable ReviewStage reviewStage,
                         boolean late, String createdBy, Instant createdAt, @Nullable Instant submittedAt,
                         @Nullable String submittedBy, @Nullable Instant approvedAt, @Nullable String approvedBy,
                         @Nullable String contentHash, @Nullable String chainHash, List<ReviewStep> reviews,
                         List<EvidenceView> evidence, int version) {

    /** This report as its seal leaves it: the same content with its content hash and chain link. */
    ReportView sealed(String newContentHash, String newChainHash) {
        return new ReportView(id, taskId, taskTitle, campaignId, unitId, unitName, period, periodName, deadline, revision,
                correctsReportId, indicatorValues, progressText, problems, nextSteps, milestonesDone, status, reviewStage,
                late, createdBy, createdAt, submittedAt, submittedBy, approvedAt, approvedBy, newContentHash, newChainHash,
                reviews, evidence, version);
    }

    public record IndicatorValue(long indicatorId, BigDecimal value) {}

    public record MilestoneDone(long milestoneId, @Nullable LocalDate doneOn) {}

    /** One step of the review trail: 提交, 退回 (with its reason), 单位审核通过, 通过. */
    public record ReviewStep(String action, String actor, @Nullable String reason, Instant at) {}

    public @Nullable BigDecimal valueOf(long indicatorId) {
        return indicatorValues.stream().filter(v -> v.indicatorId() == indicatorId).map(IndicatorValue::value)
                .findFirst().orElse(null);
    }

    /**
     * A photo taken more than a month before the period began is probably not this period's work ({@code zone}: the
     * campaign's calendar, {@code gongjian.clock.zone}).
     */
    public boolean staleEvidence(EvidenceView e, java.time.ZoneId zone) {
        return e.capturedAt() != null && e.capturedAt().isBefore(ReportingPeriod.startOf(period)
                .minusDays(30).atStartOfDay(zone).toInstant());
    }
}
