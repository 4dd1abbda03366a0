package org.gongjian.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.supervision.NoticeLevel;
import org.jspecify.annotations.Nullable;

/** What one unit did in one period, as scoring needs it: collected by {@link AssessmentFacts}, scored by {@link Scoring}. */
public record UnitFacts(long unitId, String unitName, String unitPath, List<TaskFact> tasks, List<ReportFact> reports,
                        List<MilestoneFact> milestones, List<NoticeFact> notices,
                        List<InstructionFact> instructions, List<CommendationFact> commendations,
                        List<ProblemFact> problems) {

    /** Without rectification facts (a campaign without a ledger). */
    public UnitFacts(long unitId, String unitName, String unitPath, List<TaskFact> tasks, List<ReportFact> reports,
                     List<MilestoneFact> milestones, List<NoticeFact> notices, List<InstructionFact> instructions,
                     List<CommendationFact> commendations) {
        this(unitId, unitName, unitPath, tasks, reports, milestones, notices, instructions, commendations, List.of());
    }

    /**
     * From the rectification ledger: a measure overdue at the period's end ({@code overdue}, a deduction), or a
     * self-found problem signed off within the period (a bonus).
     */
    public record ProblemFact(long problemId, long sourceId, boolean overdue, String text) {}

    /** A task the unit leads: planned and actual progress (%) at the period's end, and its weight. */
    public record TaskFact(long taskId, String title, BigDecimal weight, BigDecimal plannedPct, BigDecimal actualPct) {}

    public enum Reporting { ON_TIME, LATE, MISSING }

    /**
     * One task's report for the period: how it came in, and the approved revision (if any) with the office's grade
     * (null: not rated, counts as 良) and how often the period's report was returned.
     */
    public record ReportFact(long taskId, String taskTitle, @Nullable Long reportId, Reporting reporting,
                             @Nullable Long approvedReportId, @Nullable Grade grade, int returns) {}

    /** A milestone due within the period. */
    public record MilestoneFact(long milestoneId, long taskId, String title, LocalDate due, @Nullable LocalDate done) {}

    public record NoticeFact(long noticeId, String taskTitle, NoticeLevel level, LocalDate issuedOn) {}

    /** A leader instruction still unanswered when the period ended. */
    public record InstructionFact(long instructionId, long taskId, String taskTitle, LocalDate issuedOn) {}

    public record CommendationFact(long commendationId, String reason, String recordedBy) {}
}
