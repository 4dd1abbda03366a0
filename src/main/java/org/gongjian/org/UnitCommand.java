package org.gongjian.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create or change a unit (API body and UI form). */
public record UnitCommand(
        @NotBlank(message = "请填写单位名称") @Size(max = 100, message = "单位名称不超过100字") String name,
        @NotNull(message = "请选择单位类型") UnitKind kind,
        @Nullable Long parentId,
        @NotBlank(message = "请填写单位编码")
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "编码只能由字母、数字、下划线和短横线组成，最长32位") String code) {
}
