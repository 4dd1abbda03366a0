package org.gongjian.deployment;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A work log from the phone: which deployment, the day, the place (default: the site), what was done, photos. */
public record WorkLogCommand(@Nullable Long deploymentId, @Nullable LocalDate logDate, @Nullable Long placeUnitId,
                             @Nullable String workDone, @Nullable Long taskId, @Nullable String peopleMet,
                             @Nullable List<Long> evidenceIds) {}
