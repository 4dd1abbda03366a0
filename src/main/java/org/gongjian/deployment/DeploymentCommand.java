package org.gongjian.deployment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One deployment in a batch. Source defaults to the cadre's unit; dates default to the batch's; the site's
 * coordinates are optional (without them only the photo date is checked).
 */
public record DeploymentCommand(@Nullable Long personId, @Nullable Long sourceUnitId, @Nullable Long targetUnitId,
                                @Nullable LocalDate startDate, @Nullable LocalDate endDate, @Nullable String purpose,
                                @Nullable Long leaderPersonId, @Nullable List<Long> taskIds,
                                @Nullable BigDecimal siteLatitude, @Nullable BigDecimal siteLongitude) {}
