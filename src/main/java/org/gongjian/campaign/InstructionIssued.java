package org.gongjian.campaign;

/** Published when a leader writes an instruction (批示) on a task; the lead unit is to acknowledge and answer it. */
public record InstructionIssued(long instructionId, long taskId, String taskTitle, long campaignId, long leadUnitId,
                                String authorName, String text) {

    public String link() {
        return "/tasks/" + taskId;
    }
}
