package org.gongjian.org;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Register a cadre in a position. */
public record PersonCommand(
        @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不超过50字") String name,
        @Nullable @Pattern(regexp = "男|女", message = "性别只能是男或女") String gender,
        @NotNull(message = "请选择所在单位") Long unitId,
        @NotBlank(message = "请填写职务") @Size(max = 50, message = "职务不超过50字") String position,
        @Nullable Boolean deputy,
        @Nullable LocalDate since) {

    /** A missing "deputy" means a principal post. */
    public boolean isDeputy() {
        return Boolean.TRUE.equals(deputy);
    }
}
