package org.gongjian.talent;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A policy as the office writes it; empty tiers/fields and null degree/years mean "any". */
public record PolicyCommand(
        @NotBlank(message = "请填写政策名称") @Size(max = 100, message = "政策名称不能超过100字") @Nullable String name,
        @NotBlank(message = "请填写政策类别") @Size(max = 20, message = "政策类别不能超过20字") @Nullable String category,
        @NotNull(message = "请选择承办单位") @Nullable Long unitId,
        @Nullable List<String> tiers,
        @Nullable List<String> fields,
        @Nullable Degree minDegree,
        @Positive(message = "引进年限应大于0") @Nullable Integer maxYears,
        @PositiveOrZero(message = "金额不能为负") @Nullable BigDecimal amount,
        @NotBlank(message = "请填写政策内容") @Size(max = 2000, message = "政策内容不能超过2000字") @Nullable String content,
        @Nullable List<String> documents,
        @NotNull(message = "请填写承诺办理时限") @Positive(message = "承诺办理时限应大于0个工作日")
        @Max(value = 120, message = "承诺办理时限不能超过120个工作日") @Nullable Integer promisedDays) {}
