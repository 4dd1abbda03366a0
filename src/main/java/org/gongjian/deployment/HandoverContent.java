package org.gongjian.deployment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 交接清单 as frozen: both parties, the date, and what passed — open tasks with light, progress and the latest report's
 * problems, unanswered instructions on them, open notices, pledge roles. Serialised canonically; its SHA-256 is signed.
 */
public record HandoverContent(long rotationId, Party outgoing, Party incoming, LocalDate effectiveDate, String reason,
                              List<TaskItem> tasks, List<InstructionItem> instructions, List<NoticeItem> notices,
                              List<PledgeItem> pledges) {

    public record Party(long personId, String name, String unitName, String title) {}

    public record TaskItem(long taskId, String title, String leadUnitName, @Nullable String light, BigDecimal progress,
                           LocalDate dueDate, @Nullable String openProblems) {}

    public record InstructionItem(long instructionId, long taskId, String taskTitle, String authorName, String text) {}

    public record NoticeItem(long noticeId, long taskId, String taskTitle, String level, String requirement,
                             LocalDate responseDue, String status) {}

    public record PledgeItem(long pledgeId, String unitName, int version, String role) {}
}
