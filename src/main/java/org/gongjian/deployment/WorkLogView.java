package org.gongjian.deployment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A work log entry with its photos and what the photo check flagged. */
public record WorkLogView(long id, long deploymentId, long personId, String personName, LocalDate logDate,
                          long placeUnitId, String placeName, String workDone, @Nullable Long taskId,
                          @Nullable String taskTitle, @Nullable String peopleMet, List<Photo> photos, String createdBy,
                          Instant createdAt) {

    /** A photo and its flags (PhotoCheck.Flag names); flagged photos are kept and shown with the reason. */
    public record Photo(long evidenceId, String fileName, List<PhotoCheck.Flag> flags) {

        public boolean flagged() {
            return flags.stream().anyMatch(PhotoCheck.Flag::warning);
        }
    }

    public boolean flagged() {
        return photos.stream().anyMatch(Photo::flagged);
    }

    WorkLogView withPhotos(List<Photo> list) {
        return new WorkLogView(id, deploymentId, personId, personName, logDate, placeUnitId, placeName, workDone, taskId,
                taskTitle, peopleMet, list, createdBy, createdAt);
    }
}
