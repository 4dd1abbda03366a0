package org.gongjian.org;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Register a cadre in a position. */
public record PersonCommand(
        @NotBlank(message = "{validation.m33}") @Size(max = 50, message = "{validation.m08}") String name,
        @Nullable @Pattern(regexp = "男|女", message = "{validation.m11}") String gender,
        @NotNull(message = "{validation.m53}") Long unitId,
        @NotBlank(message = "{validation.m43}") @Size(max = 50, message = "{validation.m21}") String position,
        @Nullable Boolean deputy,
        @Nullable LocalDate since) {

    /** A missing "deputy" means a principal post. */
    public boolean isDeputy() {
        return Boolean.TRUE.equals(deputy);
    }
}
