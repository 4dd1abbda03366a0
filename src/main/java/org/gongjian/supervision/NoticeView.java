package org.gongjian.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A supervision notice (督办单) as the API and the pages show it, with its responses (oldest first). */
public record NoticeView(long id, long taskId, String taskTitle, long campaignId, long unitId, String unitName,
                         @Nullable Long leaderPersonId, @Nullable String leaderName, NoticeLevel level,
                         String levelLabel, String requirement, LocalDate responseDue, NoticeStatus status,
                         String statusLabel, NoticeOrigin origin, @Nullable Long escalatedFromId, String createdBy,
                         Instant createdAt, @Nullable Instant closedAt, @Nullable String closedBy,
                         @Nullable String closeNote, boolean overdue, int version, List<Response> responses) {

    /** A response (反馈 / 整改报告): text plus evidence from the unit's library. */
    public record Response(long id, String text, List<Long> evidenceIds, String responder, Instant respondedAt) {}

    NoticeView withResponses(List<Response> list) {
        return new NoticeView(id, taskId, taskTitle, campaignId, unitId, unitName, leaderPersonId, leaderName, level,
                levelLabel, requirement, responseDue, status, statusLabel, origin, escalatedFromId, createdBy,
                createdAt, closedAt, closedBy, closeNote, overdue, version, list);
    }
}
