package org.gongjian.deployment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A study tour with its participants, their reports and findings, and what came of them (tasks). */
public record StudyTourView(long id, String name, String destination, String theme, LocalDate startDate,
                            LocalDate endDate, long ownerUnitId, String ownerUnitName, List<Participant> participants,
                            List<Finding> findings) {

    public record Participant(long personId, String name, String unitName, boolean reported, @Nullable String summary) {}

    public record Finding(long id, long personId, String personName, String finding, String toAdopt, String adoptWhere,
                          @Nullable Long taskId, @Nullable String taskTitle, @Nullable String taskLight,
                          @Nullable String adoptedBy, @Nullable Instant adoptedAt) {
        public boolean adopted() {
            return taskId != null;
        }
    }

    public long adoptedCount() {
        return findings.stream().filter(Finding::adopted).count();
    }
}
