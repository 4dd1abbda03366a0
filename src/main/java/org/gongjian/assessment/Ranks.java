package org.gongjian.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Standard competition ranking: equal scores share a rank and the next rank skips (1, 1, 3). */
public final class Ranks {

    private Ranks() {
    }

    /** Highest score first; within a tie, by unit name so the order is stable. */
    public static List<UnitScore> assign(List<UnitScore> scores) {
        List<UnitScore> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparing(UnitScore::score).reversed().thenComparing(UnitScore::unitName)
                .thenComparingLong(UnitScore::unitId));
        List<UnitScore> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            UnitScore s = sorted.get(i);
            boolean tie = i > 0 && sorted.get(i - 1).score().compareTo(s.score()) == 0;
            ranked.add(s.ranked(tie ? ranked.get(i - 1).rank() : i + 1));
        }
        return ranked;
    }
}
