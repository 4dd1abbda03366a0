package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.Light;
import org.jspecify.annotations.Nullable;

/**
 * Published in the evaluating transaction when a task's light changes (from null: its first light). The cockpit's
 * figures and assessment follow lights through it; {@code reasons} are the new light's, in Chinese.
 */
public record LightChanged(long taskId, long campaignId, long leadUnitId, @Nullable Light from, Light to,
                           List<String> reasons, LocalDate asOf) {

    public LightChanged {
        reasons = List.copyOf(reasons);
    }
}
