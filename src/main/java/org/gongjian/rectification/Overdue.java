package org.gongjian.rectification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** When a problem is red, and why: a measure past its deadline and not done, while the problem is not signed off. */
final class Overdue {

    private Overdue() {
    }

    static boolean overdue(MeasureStatus status, LocalDate deadline, LocalDate today) {
        return status != MeasureStatus.DONE && deadline.isBefore(today);
    }

    /** The reasons, one per overdue measure, with its numbers; empty for a signed-off problem. */
    static List<String> reasons(ProblemStatus status, List<MeasureView> measures, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (status == ProblemStatus.SIGNED_OFF) {
            return reasons;
        }
        for (MeasureView m : measures) {
            if (m.overdue()) {
                long days = ChronoUnit.DAYS.between(m.deadline(), today);
                reasons.add("措施“" + clip(m.description()) + "”整改时限" + m.deadline() + "已过" + days + "天，"
                        + (m.status() == MeasureStatus.REPORTED ? "进展待验收" : "尚未报送完成情况") + "（责任单位："
                        + m.ownerUnitName() + "，责任人：" + m.ownerName() + "）");
            }
        }
        return reasons;
    }

    private static String clip(String text) {
        return text.length() <= 30 ? text : text.substring(0, 29) + "…";
    }

}
