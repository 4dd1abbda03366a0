package org.gongjian.talent;

import java.time.LocalDate;

/**
 * What every service-request event names, so a listener never reads the request back; {@code officeUnitId} is the
 * unit of the talent office that opened it (who hears of overdue requests and 不满意 ratings).
 */
public record TalentRequestRef(long requestId, long unitId, long talentUnitId, long officeUnitId, String policyName, String talentName,
                               LocalDate dueOn) {

    public String link() {
        return "/talent/requests/" + requestId;
    }
}
