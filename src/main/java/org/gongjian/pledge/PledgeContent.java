package org.gongjian.pledge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a pledge says, exactly as signed: the parties, the tasks with their targets and dates, and the terms.
 * Serialised canonically (sorted keys, plain numbers) so its SHA-256 is reproducible.
 */
public record PledgeContent(String campaignName, String unitName, String signatoryTitle, String issuerName, int version,
                            List<PledgedTask> tasks, String commitments, String rewards, String penalties,
                            @Nullable String amendmentReason) {

    public record PledgedTask(long taskId, String title, LocalDate dueDate, List<PledgedIndicator> indicators,
                              List<PledgedMilestone> milestones) {}

    public record PledgedIndicator(String name, String unit, BigDecimal baseline, BigDecimal target, String direction) {}

    public record PledgedMilestone(String title, LocalDate dueDate) {}
}
