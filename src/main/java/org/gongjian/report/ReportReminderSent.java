package org.gongjian.report;

import java.time.LocalDate;

/**
 * The office chased a unit that has not reported a period (催报): notify tells the unit's liaisons and head. Published
 * once per unit, period and day, in the transaction that records the reminder.
 */
public record ReportReminderSent(long campaignId, String campaignName, long unitId, String unitName, String period,
                                 String periodName, LocalDate deadline, int missing, String sentBy) {

    /** Where the reminded liaison goes: his reporting to-do list. */
    public String link() {
        return "/reports";
    }
}
