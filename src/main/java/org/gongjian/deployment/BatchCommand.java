package org.gongjian.deployment;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** Create a batch: name, kind, the organising unit, period and the presence rule (default 15 days a month). */
public record BatchCommand(@Nullable String name, @Nullable DeploymentKind kind, @Nullable Long ownerUnitId,
                           @Nullable LocalDate startDate, @Nullable LocalDate endDate, @Nullable Integer minDays) {}
