package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A task with everything the detail page and the API show. */
public record TaskView(long id, long campaignId, @Nullable Long parentTaskId, String title, @Nullable String description,
                       String category, long leadUnitId, String leadUnitName, @Nullable Long leadLeaderId,
                       @Nullable String leadLeaderName, List<Long> cooperatingUnitIds, BigDecimal weight,
                       LocalDate startDate, LocalDate dueDate, List<IndicatorView> indicators,
                       List<MilestoneView> milestones, @Nullable Light light, List<String> lightReasons,
                       BigDecimal progress, List<String> progressExplanation, int subtaskCount, int version) {

    public record IndicatorView(long id, String name, String unit, BigDecimal baseline, BigDecimal target,
                                @Nullable BigDecimal actual, Direction direction, BigDecimal progress,
                                List<PointView> trajectory) {}

    /** A planned point of an indicator's trajectory (进度轨迹). */
    public record PointView(LocalDate date, BigDecimal value) {}

    public record MilestoneView(long id, String title, LocalDate dueDate, @Nullable LocalDate doneDate) {}
}
