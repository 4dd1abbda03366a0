package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * One share of a decomposition (分解): {@code target} is this unit's share of the parent's first indicator;
 * {@code baseline} defaults to 0 for amounts and to the parent's baseline for rates.
 */
public record SubtaskCommand(
        @NotBlank(message = "请填写子任务名称") @Size(max = 200, message = "任务名称不超过200字") String title,
        @NotNull(message = "请选择牵头单位") Long leadUnitId,
        @Nullable Long leadLeaderId,
        @Nullable @Digits(integer = 14, fraction = 4, message = "分解目标最多14位整数、4位小数") BigDecimal target,
        @Nullable @Digits(integer = 14, fraction = 4, message = "基期值最多14位整数、4位小数") BigDecimal baseline,
        @Nullable LocalDate dueDate) {
}
