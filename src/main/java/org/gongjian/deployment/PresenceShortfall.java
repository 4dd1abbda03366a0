package org.gongjian.deployment;

import java.time.YearMonth;

/**
 * Published (once per deployment and month, a few days before the month ends) when a deployed cadre has logged fewer
 * days on site than the batch's rule asks; notify tells the cadre.
 */
public record PresenceShortfall(long deploymentId, long personId, String personName, String siteName, YearMonth month,
                                int days, int required, int remainingDays) {

    public String link() {
        return "/work-logs/new";
    }
}
