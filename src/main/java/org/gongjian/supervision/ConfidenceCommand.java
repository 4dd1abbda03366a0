package org.gongjian.supervision;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A confidence judgement: rating, the written reason (required) and when to look at it again. */
public record ConfidenceCommand(
        @NotNull(message = "请选择交付信心（高/中/低）") @Nullable ConfidenceRating rating,
        @NotBlank(message = "请写明研判理由") @Size(max = 1000, message = "研判理由不能超过1000字") @Nullable String reason,
        @NotNull(message = "请填写复核日期") @Nullable LocalDate reviewOn) {}
