package org.gongjian.campaign;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A campaign as the API shows it. */
public record CampaignView(long id, String name, int year, LocalDate startDate, LocalDate endDate, long ownerUnitId,
                           String ownerUnitName, @Nullable Long parentCampaignId,
                           ReportingFrequency reportingFrequency, int reportDeadlineDay, Thresholds thresholds,
                           List<String> categories, boolean unitHeadReview) {

    public CampaignView {
        categories = List.copyOf(categories);   // views are shared within a transaction (CampaignStore#find)
    }

    /** Status-light thresholds (DESIGN.md defaults 10 / 20 % behind trajectory, milestones due within 7 days). */
    public record Thresholds(int yellowBehindPct, int redBehindPct, int dueSoonDays) {
        public static Thresholds defaults() {
            return new Thresholds(10, 20, 7);
        }
    }
}
