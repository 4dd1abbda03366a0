package org.gongjian.rectification;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A measure: description, owner unit (default: the problem's unit) and responsible cadre, deadline, expected result. */
public record MeasureCommand(@Nullable String description, @Nullable Long ownerUnitId, @Nullable String ownerName,
                             @Nullable LocalDate deadline, @Nullable String expectedResult) {}
