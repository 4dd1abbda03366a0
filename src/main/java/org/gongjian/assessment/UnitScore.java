package org.gongjian.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** A unit's score for a period: the sum of its breakdown items, per part, and its rank within its peer group. */
public record UnitScore(long unitId, String unitName, String unitPath, BigDecimal score, int rank,
                        BigDecimal completion, BigDecimal timeliness, BigDecimal quality, BigDecimal bonus,
                        BigDecimal deduction, List<ScoreItem> items) {

    /** Sums the items per part; the score is their total, rounded to two places. Rank comes later ({@link Ranks}). */
    public static UnitScore of(long unitId, String unitName, String unitPath, List<ScoreItem> items) {
        BigDecimal[] parts = new BigDecimal[ScoreItem.Category.values().length];
        java.util.Arrays.fill(parts, BigDecimal.ZERO);
        for (ScoreItem item : items) {
            parts[item.category().ordinal()] = parts[item.category().ordinal()].add(item.points());
        }
        BigDecimal total = java.util.Arrays.stream(parts).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        return new UnitScore(unitId, unitName, unitPath, total, 0, scale(parts[0]), scale(parts[1]), scale(parts[2]),
                scale(parts[3]), scale(parts[4]), List.copyOf(items));
    }

    UnitScore ranked(int newRank) {
        return new UnitScore(unitId, unitName, unitPath, score, newRank, completion, timeliness, quality, bonus,
                deduction, items);
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
