package org.gongjian.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A unit's appeal against one deduction of a published ranking, and the office's decision. */
public record AppealView(long id, long campaignId, String period, UnitGroup group, long rankingId, long unitId,
                         String unitName, long itemId, String itemKey, String itemExplanation, BigDecimal itemPoints,
                         String reason, List<Long> evidenceIds, AppealStatus status, String filedBy, Instant filedAt,
                         @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decision,
                         @Nullable Long correctedRankingId) {}
