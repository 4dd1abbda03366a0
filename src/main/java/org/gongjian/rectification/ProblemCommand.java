package org.gongjian.rectification;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A new problem, optionally with its first measures. {@code noticeId} opens it from a supervision notice. */
public record ProblemCommand(@Nullable Long campaignId, @Nullable Long unitId, @Nullable ProblemSource source,
                             @Nullable String category, @Nullable String description, @Nullable Severity severity,
                             @Nullable LocalDate foundOn, @Nullable Long taskId, @Nullable Long noticeId,
                             @Nullable List<MeasureCommand> measures) {}
