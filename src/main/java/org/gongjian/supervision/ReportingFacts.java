package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * What the reporting side knows about a task on a date, as plain input to the light rules.
 *
 * @param lastPeriods        the most recent reporting periods, newest first; periods whose deadline has not passed
 *                           yet, or fell before the task started, are ignored by the rules
 * @param lastReportApproved whether the task's latest report has been approved (审核通过)
 */
public record ReportingFacts(List<PeriodFact> lastPeriods, boolean lastReportApproved) {

    public ReportingFacts {
        lastPeriods = List.copyOf(lastPeriods);
    }

    public static ReportingFacts none() {
        return new ReportingFacts(List.of(), false);
    }

    /** One reporting period (`2026-W41`, `2026-10`) with its deadline and how the task's report for it stands. */
    public record PeriodFact(String period, LocalDate deadline, Status status) {}

    public enum Status {
        /** No report submitted for the period (by now). */
        MISSING,
        /** Submitted after the deadline (迟报). */
        LATE,
        ON_TIME
    }
}
