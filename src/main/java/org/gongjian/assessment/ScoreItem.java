package org.gongjian.assessment;

import java.math.BigDecimal;

/**
 * One line of a score's breakdown: which part it counts towards, the report / notice / instruction / task that
 * caused it (type, id, link), its points and why, in Chinese. A waived item was cancelled by an upheld appeal.
 */
public record ScoreItem(Category category, SourceType sourceType, long sourceId, String link, BigDecimal points,
                        String explanation, boolean waived) {

    public enum Category { COMPLETION, TIMELINESS, QUALITY, BONUS, DEDUCTION }

    public enum SourceType { TASK, REPORT, MILESTONE, NOTICE, INSTRUCTION, COMMENDATION, UNIT, PROBLEM, MEASURE }

    /** The same deduction across corrected versions of a ranking. */
    public String key() {
        return category + ":" + sourceType + ":" + sourceId;
    }

    public ScoreItem waive(String why) {
        return new ScoreItem(category, sourceType, sourceId, link, BigDecimal.ZERO.setScale(4),
                explanation + "（申诉成立，已撤销：" + why + "）", true);
    }
}
