package org.gongjian.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create or change a unit (API body and UI form). */
public record UnitCommand(
        @NotBlank(message = "{validation.m29}") @Size(max = 100, message = "{validation.m04}") String name,
        @NotNull(message = "{validation.m52}") UnitKind kind,
        @Nullable Long parentId,
        @NotBlank(message = "{validation.m30}")
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "{validation.m20}") String code) {
}
