package org.gongjian.campaign;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The campaign form as the page binds it; categories are typed one per line or separated by 、. */
public class CampaignForm {

    private String name = "";
    private @Nullable Integer year;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endDate;
    private @Nullable Long ownerUnitId;
    private @Nullable Long parentCampaignId;
    private ReportingFrequency reportingFrequency = ReportingFrequency.MONTHLY;
    private @Nullable Integer reportDeadlineDay = 5;
    private String categories = String.join("、", CampaignCommand.DEFAULT_CATEGORIES);

    @SuppressWarnings("NullAway")
    CampaignCommand toCommand() {
        List<String> list = Arrays.stream(categories.split("[、,，;；\\n\\r]+")).map(String::trim)
                .filter(c -> !c.isEmpty()).toList();
        return new CampaignCommand(name, year, startDate, endDate, ownerUnitId, parentCampaignId, reportingFrequency,
                reportDeadlineDay, list, null, null, null);
    }

    public String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name == null ? "" : name; }
    public @Nullable Integer getYear() { return year; }
    public void setYear(@Nullable Integer year) { this.year = year; }
    public @Nullable LocalDate getStartDate() { return startDate; }
    public void setStartDate(@Nullable LocalDate startDate) { this.startDate = startDate; }
    public @Nullable LocalDate getEndDate() { return endDate; }
    public void setEndDate(@Nullable LocalDate endDate) { this.endDate = endDate; }
    public @Nullable Long getOwnerUnitId() { return ownerUnitId; }
    public void setOwnerUnitId(@Nullable Long ownerUnitId) { this.ownerUnitId = ownerUnitId; }
    public @Nullable Long getParentCampaignId() { return parentCampaignId; }
    public void setParentCampaignId(@Nullable Long parentCampaignId) { this.parentCampaignId = parentCampaignId; }
    public ReportingFrequency getReportingFrequency() { return reportingFrequency; }
    public void setReportingFrequency(@Nullable ReportingFrequency f) { this.reportingFrequency = f == null ? ReportingFrequency.MONTHLY : f; }
    public @Nullable Integer getReportDeadlineDay() { return reportDeadlineDay; }
    public void setReportDeadlineDay(@Nullable Integer day) { this.reportDeadlineDay = day; }
    public String getCategories() { return categories; }
    public void setCategories(@Nullable String categories) { this.categories = categories == null ? "" : categories; }
}
