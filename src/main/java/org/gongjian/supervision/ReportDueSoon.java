package org.gongjian.supervision;

import java.time.LocalDate;

/** 报送提醒: a task's report for a period falls due within days and has not been submitted (once per task and period). */
public record ReportDueSoon(long taskId, String taskTitle, long unitId, String period, String periodName,
                            LocalDate deadline) {}
