package org.gongjian.report;

/** Published when a reviewer returns a report to its unit for fixing, with the reviewer's reason. */
public record ReportReturned(ReportRef report, String reason, String returnedBy) {}
