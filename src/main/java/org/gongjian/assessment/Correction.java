package org.gongjian.assessment;

import java.util.ArrayList;
import java.util.List;

import org.gongjian.shared.NotFound;

/** An upheld appeal: the appealed deduction is waived, the unit's score summed again and the whole group re-ranked. */
final class Correction {

    private Correction() {
    }

    static List<UnitScore> waive(List<UnitScore> scores, long unitId, String itemKey, String reason) {
        List<UnitScore> corrected = new ArrayList<>(scores.size());
        boolean found = false;
        for (UnitScore s : scores) {
            if (s.unitId() != unitId) {
                corrected.add(s);
                continue;
            }
            List<ScoreItem> items = new ArrayList<>();
            for (ScoreItem item : s.items()) {
                if (!item.waived() && item.key().equals(itemKey)) {
                    items.add(item.waive(reason));
                    found = true;
                } else {
                    items.add(item);
                }
            }
            corrected.add(UnitScore.of(s.unitId(), s.unitName(), s.unitPath(), items));
        }
        if (!found) {
            throw new NotFound("score item", itemKey);
        }
        return Ranks.assign(corrected);
    }
}
