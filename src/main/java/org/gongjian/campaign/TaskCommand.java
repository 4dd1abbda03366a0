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
        @NotBlank(message = "{validation.m28}") @Size(max = 200, message = "{validation.m01}") String title,
        @Nullable @Size(max = 4000, message = "{validation.m02}") String description,
        @NotBlank(message = "{validation.m58}") String category,
        @NotNull(message = "{validation.m57}") Long leadUnitId,
        @Nullable Long leadLeaderId,
        @Nullable @Size(max = 50, message = "{validation.m61}") List<@NotNull(message = "{validation.m60}") Long> cooperatingUnitIds,
        @Nullable @DecimalMin(value = "0.01", message = "{validation.m17}") @DecimalMax(value = "1000", message = "{validation.m16}") BigDecimal weight,
        @NotNull(message = "{validation.m38}") LocalDate startDate,
        @NotNull(message = "{validation.m35}") LocalDate dueDate,
        @Nullable @Size(max = 20, message = "{validation.m14}") List<@Valid @NotNull(message = "{validation.m13}") IndicatorInput> indicators,
        @Nullable @Size(max = 50, message = "{validation.m23}") List<@Valid @NotNull(message = "{validation.m22}") MilestoneInput> milestones) {

    public record IndicatorInput(
            @Nullable Long id,
            @NotBlank(message = "{validation.m39}") @Size(max = 100, message = "{validation.m15}") String name,
            @NotBlank(message = "{validation.m46}") @Size(max = 20, message = "{validation.m27}") String unit,
            @NotNull(message = "{validation.m32}") @Digits(integer = 14, fraction = 4, message = "{validation.m06}") BigDecimal baseline,
            @NotNull(message = "{validation.m41}") @Digits(integer = 14, fraction = 4, message = "{validation.m19}") BigDecimal target,
            @NotNull(message = "{validation.m55}") Direction direction,
            @Nullable @Size(max = 60, message = "{validation.m26}") List<@Valid @NotNull(message = "{validation.m59}") PointInput> trajectory) {

        public IndicatorInput(@Nullable Long id, String name, String unit, BigDecimal baseline, BigDecimal target,
                              Direction direction) {
            this(id, name, unit, baseline, target, direction, null);
        }

        public List<PointInput> trajectoryPoints() {
            return trajectory == null ? List.of() : trajectory;
        }
    }

    /** A planned value on a date; without points the plan runs linearly from baseline to target. */
    public record PointInput(@NotNull(message = "{validation.m47}") LocalDate date,
                             @NotNull(message = "{validation.m48}") @Digits(integer = 14, fraction = 4, message = "{validation.m25}") BigDecimal value) {}

    public record MilestoneInput(
            @Nullable Long id,
            @NotBlank(message = "{validation.m44}") @Size(max = 200, message = "{validation.m24}") String title,
            @NotNull(message = "{validation.m45}") LocalDate dueDate,
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
