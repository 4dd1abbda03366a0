package org.gongjian.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a decomposition's targets against the parent's (分解校验). Amounts (人, 个, 公里) should add up to the
 * parent target; rates (%) can't be added, so each share is compared with the parent target instead. The check
 * warns, it does not refuse: the office may knowingly split unevenly.
 */
public final class SplitCheck {

    private SplitCheck() {
    }

    public static List<String> warnings(String indicator, String unit, BigDecimal parentTarget, Direction direction,
                                        List<BigDecimal> shares) {
        List<String> warnings = new ArrayList<>();
        boolean rate = !isAdditive(indicator, unit);
        if (rate) {
            for (int i = 0; i < shares.size(); i++) {
                BigDecimal share = shares.get(i);
                boolean weaker = direction == Direction.HIGHER_IS_BETTER
                        ? share.compareTo(parentTarget) < 0 : share.compareTo(parentTarget) > 0;
                if (weaker) {
                    warnings.add("第" + (i + 1) + "项分解目标 " + Progress.plain(share) + unit
                            + (direction == Direction.HIGHER_IS_BETTER ? " 低于" : " 高于") + "总目标 "
                            + Progress.plain(parentTarget) + unit + " 的要求");
                }
            }
            return warnings;
        }
        BigDecimal sum = shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int cmp = sum.compareTo(parentTarget);
        if (direction == Direction.HIGHER_IS_BETTER && cmp < 0) {
            warnings.add("“" + indicator + "”分解合计 " + Progress.plain(sum) + unit + "，低于总目标 "
                    + Progress.plain(parentTarget) + unit + "（差 " + Progress.plain(parentTarget.subtract(sum)) + unit + "）");
        } else if (direction == Direction.LOWER_IS_BETTER && cmp > 0) {
            warnings.add("“" + indicator + "”分解合计 " + Progress.plain(sum) + unit + "，超过总控目标 "
                    + Progress.plain(parentTarget) + unit + "（多 " + Progress.plain(sum.subtract(parentTarget)) + unit + "）");
        }
        return warnings;
    }

    /** Percentages and rates are compared share by share, never summed. */
    public static boolean isRate(String unit) {
        return unit.contains("%") || unit.contains("％") || unit.contains("率") || unit.contains("‰");
    }

    /**
     * Whether shares of this indicator add up to the whole: counts and amounts do (人, 个, 公里, 万元); rates,
     * per-head values and concentrations (元/人, 微克/立方米, 人均…, …浓度) do not.
     */
    public static boolean isAdditive(String indicator, String unit) {
        if (isRate(unit) || unit.contains("/") || unit.contains("每")) {
            return false;
        }
        return !(indicator.contains("人均") || indicator.contains("平均") || indicator.contains("浓度")
                || indicator.contains("指数") || indicator.contains("率") || indicator.contains("比例")
                || indicator.contains("时间"));
    }
}
