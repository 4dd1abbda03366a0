package org.gongjian.talent;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.Light;
import org.jspecify.annotations.Nullable;

/**
 * A service request (服务事项) with its light: red when open past its deadline, yellow when due within two working days,
 * green otherwise, done once the unit has finished. {@code workingDays} is the time taken (or so far) in working days.
 */
public record RequestView(long id, long talentId, String talentName, long talentUnitId, long officeUnitId, long policyId, String policyName,
                          long unitId, String unitName, RequestStatus status, LocalDate openedOn, LocalDate dueOn,
                          @Nullable LocalDate completedOn, @Nullable String decisionReason, @Nullable Rating rating,
                          @Nullable String ratingComment, String eligibility, String openedBy, int version, Light light,
                          int workingDays, List<Message> messages) {

    public record Message(String author, String body, @Nullable String documentName, java.time.Instant writtenAt) {}

    public String statusLabel() {
        return status.label();
    }

    public @Nullable String ratingLabel() {
        return rating == null ? null : rating.label();
    }

    public boolean overdue() {
        return light == Light.RED;
    }

    TalentRequestRef ref() {
        return new TalentRequestRef(id, unitId, talentUnitId, officeUnitId, policyName, talentName, dueOn);
    }

    RequestView withMessages(List<Message> all) {
        return new RequestView(id, talentId, talentName, talentUnitId, officeUnitId, policyId, policyName, unitId, unitName, status,
                openedOn, dueOn, completedOn, decisionReason, rating, ratingComment, eligibility, openedBy, version, light,
                workingDays, List.copyOf(all));
    }
}
