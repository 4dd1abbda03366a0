package org.gongjian.assessment;

import java.math.BigDecimal;

import org.gongjian.supervision.NoticeLevel;

/**
 * A campaign's scoring scheme (考核办法): the three weighted parts and the points per bonus or deduction item.
 * Deductions are negative numbers, bonuses positive; {@code returnPoints} is taken off a report's quality (of 100)
 * per return.
 */
public record Scheme(BigDecimal completionWeight, BigDecimal timelinessWeight, BigDecimal qualityWeight,
                     BigDecimal remindPoints, BigDecimal urgePoints, BigDecimal supervisePoints,
                     BigDecimal interviewPoints, BigDecimal accountabilityPoints, BigDecimal lateReportPoints,
                     BigDecimal missingReportPoints, BigDecimal openInstructionPoints, BigDecimal commendationPoints,
                     BigDecimal returnPoints, int appealDays) {

    /** The defaults of issue #11: 60/20/20, 催办 −1, 督办 −2, 约谈 −3, 问责 −5, late −0.5, missing −1, 批示 −1, 表扬 +2. */
    public static Scheme defaults() {
        return new Scheme(bd(60), bd(20), bd(20), bd(0), bd(-1), bd(-2), bd(-3), bd(-5), new BigDecimal("-0.5"),
                bd(-1), bd(-1), bd(2), bd(10), 5);
    }

    public BigDecimal noticePoints(NoticeLevel level) {
        switch (level) {
            case REMIND:
                return remindPoints;
            case URGE:
                return urgePoints;
            case SUPERVISE:
                return supervisePoints;
            case INTERVIEW:
                return interviewPoints;
            default:
                return accountabilityPoints;
        }
    }

    private static BigDecimal bd(int value) {
        return BigDecimal.valueOf(value);
    }
}
