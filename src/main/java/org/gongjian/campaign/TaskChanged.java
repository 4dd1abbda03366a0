package org.gongjian.campaign;

/**
 * Published in the transaction that changed a task. {@code CREATED} and {@code EDITED} come from the task list's
 * own writes (title, dates, targets, milestones); {@code PROGRESSED} from reported actuals and milestones reaching
 * the task, with {@code affectedTaskIds} the task and every ancestor whose progress was recomputed (nearest first).
 */
public record TaskChanged(long taskId, long campaignId, Change change, java.util.List<Long> affectedTaskIds) {

    public enum Change { CREATED, EDITED, PROGRESSED }

    public TaskChanged {
        affectedTaskIds = java.util.List.copyOf(affectedTaskIds);
    }
}
