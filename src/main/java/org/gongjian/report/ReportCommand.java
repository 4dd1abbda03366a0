package org.gongjian.report;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a liaison fills in. On creation, fields left out are taken from the task's last report (基层减负: nobody
 * types the same text twice); on update, the command replaces the draft's content.
 */
public record ReportCommand(@Nullable @Size(max = 10, message = "{validation.report.period}") String period,
                            @Nullable List<ReportView.@Valid @NotNull IndicatorValue> indicatorValues,
                            @Nullable @Size(max = 4000, message = "{validation.report.text}") String progressText,
                            @Nullable @Size(max = 4000, message = "{validation.report.text}") String problems,
                            @Nullable @Size(max = 4000, message = "{validation.report.text}") String nextSteps,
                            @Nullable List<ReportView.@Valid @NotNull MilestoneDone> milestonesDone) {

    public static ReportCommand empty() {
        return new ReportCommand(null, null, null, null, null, null);
    }

    /** Fields the command leaves out come from the last report; milestones already done are not offered again. */
    ReportCommand prefilledFrom(@Nullable ReportView last) {
        if (last == null) {
            return this;
        }
        return new ReportCommand(period(), indicatorValues() != null ? indicatorValues() : last.indicatorValues(),
                progressText() != null ? progressText() : last.progressText(),
                problems() != null ? problems() : last.problems(),
                nextSteps() != null ? nextSteps() : last.nextSteps(),
                milestonesDone() != null ? milestonesDone() : List.of());
    }
}
