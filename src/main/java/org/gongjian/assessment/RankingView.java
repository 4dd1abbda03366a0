package org.gongjian.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A ranking snapshot of one peer group for one period, as the API, the pages and other modules (cockpit, briefing)
 * read it. {@code items} follow the DESIGN.md contract {@code {unitId, unitName, score, rank, breakdown[]}}; a
 * unit's breakdown is present only when the unit lies in the reader's scope.
 */
public record RankingView(long id, long campaignId, String period, String periodName, UnitGroup group, int version,
                          RankingStatus status, @Nullable Instant publishedAt, @Nullable String publishedBy,
                          @Nullable Instant supersededAt, @Nullable String correction, @Nullable String contentHash,
                          Scheme scheme, List<Entry> items, List<Version> versions) {

    public record Entry(long unitId, String unitName, BigDecimal score, int rank, BigDecimal completion,
                        BigDecimal timeliness, BigDecimal quality, BigDecimal bonus, BigDecimal deduction,
                        boolean breakdownVisible, List<BreakdownItem> breakdown) {}

    public record BreakdownItem(long id, ScoreItem.Category category, ScoreItem.SourceType sourceType, long sourceId,
                                String link, BigDecimal points, String explanation, boolean waived) {
        public boolean deduction() {
            return category == ScoreItem.Category.DEDUCTION && points.signum() < 0;
        }
    }

    public record Version(long id, int version, RankingStatus status, @Nullable Instant publishedAt) {}

    /** 红榜: the best three (more when tied at the edge). */
    public List<Entry> top() {
        return items.stream().filter(e -> e.rank() <= 3).toList();
    }

    /** 黑榜: the last three, worst first, without those already on the 红榜. */
    public List<Entry> bottom() {
        int n = items.size();
        if (n <= 3) {
            return List.of();
        }
        int edge = items.get(n - 3).rank();
        return items.stream().filter(e -> e.rank() >= edge && e.rank() > 3)
                .sorted(java.util.Comparator.comparingInt(Entry::rank).reversed()).toList();
    }
}
