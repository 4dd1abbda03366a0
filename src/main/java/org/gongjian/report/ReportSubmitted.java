package org.gongjian.report;

/**
 * Published when a report goes up for review ({@code resubmitted} after a return), with the stage it now waits at and
 * the unit of the office that runs the campaign.
 */
public record ReportSubmitted(ReportRef report, ReviewStage stage, long officeUnitId, boolean resubmitted) {}
