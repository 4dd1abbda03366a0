package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create or change a task, with its indicators and milestones (the whole set is replaced on change). */
public record TaskCommand(
        @NotBlank(message = "请填写任务名称") @Size(max = 200, message = "任务名称不超过200字") String title,
        @Nullable @Size(max = 4000, message = "任务描述不超过4000字") String description,
        @NotBlank(message = "请选择领域") String category,
        @NotNull(message = "请选择牵头单位") Long leadUnitId,
        @Nullable Long leadLeaderId,
        @Nullable @Size(max = 50, message = "配合单位不超过50个") List<@NotNull(message = "配合单位不能为空") Long> cooperatingUnitIds,
        @Nullable @DecimalMin(value = "0.01", message = "权重须大于0") @DecimalMax(value = "1000", message = "权重不超过1000") BigDecimal weight,
        @NotNull(message = "请填写开始日期") LocalDate startDate,
        @NotNull(message = "请填写完成时限") LocalDate dueDate,
        @Nullable @Size(max = 20, message = "指标不超过20个") List<@Valid @NotNull(message = "指标不能为空") IndicatorInput> indicators,
        @Nullable @Size(max = 50, message = "节点不超过50个") List<@Valid @NotNull(message = "节点不能为空") MilestoneInput> milestones) {

    public record IndicatorInput(
            @Nullable Long id,
            @NotBlank(message = "请填写指标名称") @Size(max = 100, message = "指标名称不超过100字") String name,
            @NotBlank(message = "请填写计量单位") @Size(max = 20, message = "计量单位不超过20字") String unit,
            @NotNull(message = "请填写基期值") @Digits(integer = 14, fraction = 4, message = "基期值最多14位整数、4位小数") BigDecimal baseline,
            @NotNull(message = "请填写目标值") @Digits(integer = 14, fraction = 4, message = "目标值最多14位整数、4位小数") BigDecimal target,
            @NotNull(message = "请选择指标方向") Direction direction,
            @Nullable @Size(max = 60, message = "计划轨迹点不超过60个") List<@Valid @NotNull(message = "轨迹点不能为空") PointInput> trajectory) {

        public IndicatorInput(@Nullable Long id, String name, String unit, BigDecimal baseline, BigDecimal target,
                              Direction direction) {
            this(id, name, unit, baseline, target, direction, null);
        }

        public List<PointInput> trajectoryPoints() {
            return trajectory == null ? List.of() : trajectory;
        }
    }

    /** A planned value on a date; without points the plan runs linearly from baseline to target. */
    public record PointInput(@NotNull(message = "请填写轨迹点日期") LocalDate date,
                             @NotNull(message = "请填写轨迹点计划值") @Digits(integer = 14, fraction = 4, message = "计划值最多14位整数、4位小数") BigDecimal value) {}

    public record MilestoneInput(
            @Nullable Long id,
            @NotBlank(message = "请填写节点名称") @Size(max = 200, message = "节点名称不超过200字") String title,
            @NotNull(message = "请填写节点时间") LocalDate dueDate,
            @Nullable LocalDate doneDate) {}

    public List<IndicatorInput> indicatorList() {
        return indicators == null ? List.of() : indicators;
    }

    public List<MilestoneInput> milestoneList() {
        return milestones == null ? List.of() : milestones;
    }

    public List<Long> cooperatingUnitList() {
        return cooperatingUnitIds == null ? List.of() : cooperatingUnitIds.stream().distinct().toList();
    }

    public BigDecimal weightOrDefault() {
        return weight == null ? BigDecimal.ONE : weight;
    }
}
