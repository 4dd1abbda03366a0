package org.gongjian.deployment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/** A deployment batch (e.g. 2026年第一批驻村干部) with its presence rules by starting month and the current rule. */
public record BatchView(long id, String name, DeploymentKind kind, long ownerUnitId, String ownerUnitName,
                        LocalDate startDate, LocalDate endDate, BatchStatus status, int minDays,
                        Map<YearMonth, Integer> rules, long deployments) {

    public String kindLabel() {
        return kind.label();
    }

    public String statusLabel() {
        return status.label();
    }
}
