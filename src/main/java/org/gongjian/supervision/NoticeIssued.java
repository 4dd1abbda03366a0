package org.gongjian.supervision;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Published when a notice (督办单) is written — by the office, by the rules (催办 after a red stretch) or as the next
 * level of an escalation ({@code escalatedFromId}). From 督办 on it is addressed to the lead leader too
 * ({@code leaderPersonId}).
 */
public record NoticeIssued(long noticeId, long taskId, String taskTitle, long campaignId, long unitId, String unitName,
                           @Nullable Long leaderPersonId, NoticeLevel level, String requirement, LocalDate responseDue,
                           NoticeOrigin origin, @Nullable Long escalatedFromId) {

    public String link() {
        return NoticeService.link(noticeId);
    }
}
