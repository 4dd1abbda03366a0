package org.gongjian.identity;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create a login for a cadre. The password is write-only: it is hashed and never shown again. */
public record UserCommand(
        @NotBlank(message = "请填写用户名")
        @Pattern(regexp = "[A-Za-z0-9_.-]{3,40}", message = "用户名为3到40位字母、数字、下划线、点或短横线") String username,
        @NotBlank(message = "请设置密码") @Size(max = 128, message = "密码不超过128位") String password,
        @Nullable Long personId,
        @NotEmpty(message = "请至少选择一个角色") Set<Role> roles,
        @NotNull(message = "请选择数据范围（单位）") Long scopeUnitId) {
}
