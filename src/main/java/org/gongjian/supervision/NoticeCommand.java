package org.gongjian.supervision;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A notice the office writes: task, addressed unit (default: the task's lead unit), level, requirement, due date. */
public record NoticeCommand(
        @NotNull(message = "请选择任务") @Nullable Long taskId,
        @Nullable Long unitId,
        @NotNull(message = "请选择督办级别") @Nullable NoticeLevel level,
        @NotBlank(message = "请填写督办要求") @Size(max = 2000, message = "督办要求不能超过2000字") @Nullable String requirement,
        @NotNull(message = "请填写反馈期限") @Nullable LocalDate responseDue) {}
