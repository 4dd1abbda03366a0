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
        @NotBlank(message = "{validation.m34}") @Size(max = 200, message = "{validation.m01}") String title,
        @NotNull(message = "{validation.m57}") Long leadUnitId,
        @Nullable Long leadLeaderId,
        @Nullable @Digits(integer = 14, fraction = 4, message = "{validation.m03}") BigDecimal target,
        @Nullable @Digits(integer = 14, fraction = 4, message = "{validation.m06}") BigDecimal baseline,
        @Nullable LocalDate dueDate) {
}
