package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.Light;
import org.jspecify.annotations.Nullable;

/**
 * Published in the evaluating transaction when a task's light changes (from null: its first light). The cockpit's
 * figures and assessment follow lights through it; {@code reasons} are the new light's, in Chinese.
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
