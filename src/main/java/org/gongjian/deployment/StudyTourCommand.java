package org.gongjian.deployment;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A tour: name, destination (江浙, 广深 …), theme (改革创新, 产业转型 …), dates, the participating cadres. */
public record StudyTourCommand(@Nullable String name, @Nullable String destination, @Nullable String theme,
                               @Nullable LocalDate startDate, @Nullable LocalDate endDate,
                               @Nullable List<Long> participantIds) {

    /** A participant's study report: a summary and the findings (what, what to adopt, where). */
    public record Report(@Nullable String summary, @Nullable List<FindingInput> findings) {}

    public record FindingInput(@Nullable String finding, @Nullable String toAdopt, @Nullable String adoptWhere) {}

    /** Turning a finding into a task of a campaign. */
    public record Adoption(@Nullable Long campaignId, @Nullable String title, @Nullable String category,
                           @Nullable Long leadUnitId, @Nullable Long leadLeaderId, @Nullable LocalDate dueDate) {}
}
