package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One line of the task list (no indicators or milestones, so a page of 50 is one query). */
public record TaskRow(long id, long campaignId, @Nullable Long parentTaskId, String title, String category,
                      long leadUnitId, String leadUnitName, @Nullable String leadLeaderName, BigDecimal weight,
                      LocalDate dueDate, @Nullable Light light, BigDecimal progress, int subtaskCount) {
}
