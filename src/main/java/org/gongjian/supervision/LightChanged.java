package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.Light;
import org.jspecify.annotations.Nullable;

/**
 * A task's light changed (from null: its first light); {@code reasons} are the new light's, in Chinese. Published in
 * the evaluating transaction on its own when the evaluation changed a few lights (a report's re-light), else as part
 * of a {@link LightsChanged}. notify tells the lead unit when a task turned red.
 */
public record LightChanged(long taskId, String taskTitle, long campaignId, long leadUnitId, @Nullable Light from, Light to,
                           List<String> reasons, LocalDate asOf) {

    /** Turned red from another light (not a task's first light, which comes from its first evaluation). */
    public boolean turnedRed() {
        return to == Light.RED && from != null && from != Light.RED;
    }

    public LightChanged {
        reasons = List.copyOf(reasons);
    }
}
