package org.gongjian.campaign;

import java.math.BigDecimal;

/** Per category: task count, average progress and count per light, top-level tasks only (subtasks roll up). */
public record CategorySummary(String category, long tasks, BigDecimal averageProgress, long red, long yellow, long green,
                              long done, long unevaluated) {
}
