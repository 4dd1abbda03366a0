package org.gongjian.report;

/** Published when the unit head has approved a report and it now waits for the office (two-level review). */
public record ReportForwarded(ReportRef report, long officeUnitId, String approvedBy) {}
