package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What an approved progress report moves on its task, applied in one pass: actual values per indicator id (empty
 * when a later period is already approved, so an older report never overwrites newer figures) and completion dates
 * per milestone id.
 */
public record ReportedProgress(long taskId, Map<Long, BigDecimal> actuals, Map<Long, LocalDate> milestonesDone) {

    public ReportedProgress {
        actuals = Map.copyOf(actuals);
        milestonesDone = Map.copyOf(milestonesDone);
    }
}
