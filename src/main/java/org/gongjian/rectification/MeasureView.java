package org.gongjian.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A measure (整改措施): what, by whom (unit and responsible cadre), by when, the expected result, and its progress. */
public record MeasureView(long id, long problemId, String description, long ownerUnitId, String ownerUnitName,
                          String ownerName, LocalDate deadline, String expectedResult, MeasureStatus status,
                          String statusLabel, @Nullable LocalDate doneOn, boolean overdue, int version,
                          List<Progress> progress) {

    /** A progress report (整改进展) on the measure, evidence from the unit's library, and the verdict on it. */
    public record Progress(long id, String text, List<Long> evidenceIds, String reportedBy, Instant reportedAt,
                           @Nullable String verdict, @Nullable String verdictBy, @Nullable Instant verdictAt,
                           @Nullable String verdictNote) {

        public boolean pending() {
            return verdict == null;
        }
    }

    public @Nullable Progress latest() {
        return progress.isEmpty() ? null : progress.get(progress.size() - 1);
    }
}
