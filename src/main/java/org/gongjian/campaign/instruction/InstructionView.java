package org.gongjian.campaign.instruction;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A leader's instruction (领导批示) on a task and the lead unit's follow-up. */
public record InstructionView(long id, long taskId, String taskTitle, long authorUserId, String authorName, String text,
                              Instant createdAt, @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy,
                              @Nullable String answer, @Nullable Instant answeredAt, @Nullable String answeredBy) {

    public boolean open() {
        return answeredAt == null;
    }

    public String status() {
        return answeredAt != null ? "已答复" : acknowledgedAt != null ? "已签收" : "待签收";
    }

    /** The message key of {@link #status()}, for pages in either language. */
    public String statusKey() {
        return answeredAt != null ? "instruction.status.answered" : acknowledgedAt != null
                ? "instruction.status.acknowledged" : "instruction.status.open";
    }
}
