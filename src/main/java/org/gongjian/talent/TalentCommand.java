package org.gongjian.talent;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A talent profile as the office enters or imports it; the unit is the one that manages the talent (scope). */
public record TalentCommand(
        @NotNull(message = "请选择所属单位") @Nullable Long unitId,
        @NotBlank(message = "请填写姓名") @Size(max = 40, message = "姓名不能超过40字") @Nullable String name,
        @NotBlank(message = "请填写产业领域") @Size(max = 40, message = "产业领域不能超过40字") @Nullable String field,
        @NotBlank(message = "请选择人才层次") @Nullable String tier,
        @NotNull(message = "请选择最高学历") @Nullable Degree degree,
        @Size(max = 60, message = "职称不能超过60字") @Nullable String title,
        @NotBlank(message = "请填写工作单位") @Size(max = 100, message = "工作单位不能超过100字") @Nullable String employer,
        @NotNull(message = "请填写引进时间") @Nullable LocalDate introducedOn,
        @NotNull(message = "请选择来源") @Nullable TalentSource source,
        @Pattern(regexp = "^$|^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$", message = "联系电话应为11位手机号或带区号的固定电话") @Nullable String phone,
        @Pattern(regexp = "^$|^\\d{17}[\\dXx]$", message = "身份证号应为18位") @Nullable String idNumber,
        @Size(max = 200, message = "住址不能超过200字") @Nullable String address) {}
