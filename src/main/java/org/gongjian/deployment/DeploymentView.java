package org.gongjian.deployment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One deployment: who (a cadre, or none for a department sunk to a township) goes from where to where, when, why,
 * for which tasks, under which responsible leader; the site's coordinates when known (for the photo check).
 */
public record DeploymentView(long id, long batchId, String batchName, DeploymentKind kind, @Nullable Long personId,
                             @Nullable String personName, long sourceUnitId, String sourceUnitName, long targetUnitId,
                             String targetUnitName, LocalDate startDate, LocalDate endDate, String purpose,
                             @Nullable Long leaderPersonId, @Nullable String leaderName,
                             @Nullable BigDecimal siteLatitude, @Nullable BigDecimal siteLongitude, List<TaskRef> tasks) {

    public record TaskRef(long id, String title) {}

    public String kindLabel() {
        return kind.label();
    }

    public boolean located() {
        return siteLatitude != null && siteLongitude != null;
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    DeploymentView withTasks(List<TaskRef> list) {
        return new DeploymentView(id, batchId, batchName, kind, personId, personName, sourceUnitId, sourceUnitName,
                targetUnitId, targetUnitName, startDate, endDate, purpose, leaderPersonId, leaderName, siteLatitude,
                siteLongitude, list);
    }
}
