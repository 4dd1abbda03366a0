package org.gongjian.report;

import org.jspecify.annotations.Nullable;

/**
 * What the report events say about their report, so that listeners (notify, supervision, assessment, the cockpit)
 * need not read it back: which task, unit and period, whether it was late, and who wrote it.
 */
public record ReportRef(long reportId, long taskId, String taskTitle, long campaignId, long unitId, String unitName,
                        String period, String periodName, boolean late, @Nullable Long authorUserId) {

    /** The report's page. */
    public String link() {
        return "/reports/" + reportId;
    }
}
