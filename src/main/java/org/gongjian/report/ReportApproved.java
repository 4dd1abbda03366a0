package org.gongjian.report;

/** Published in the approving transaction once a report's values and milestones have reached its task. */
public record ReportApproved(long reportId, long taskId, String period) {}
