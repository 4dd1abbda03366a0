package org.gongjian.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a task's progress % is computed, with the explanation shown beside it:
 * an indicator's progress is how far its actual value has moved from baseline towards target (0–100 %, either
 * direction); milestones count done over total; a task with both averages the two halves equally. A task with
 * subtasks takes the weight-averaged progress of its subtasks (DESIGN.md, roll-up).
 */
public final class Progress {

    private Progress() {
    }

    public record IndicatorInput(String name, BigDecimal baseline, BigDecimal target, @Nullable BigDecimal actual,
                                 Direction direction) {}

    public record ChildInput(String title, BigDecimal weight, BigDecimal progress) {}

    public record Result(BigDecimal percent, List<String> explanation) {}

    public static BigDecimal ofIndicator(IndicatorInput in) {
        if (in.actual() == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal span = in.target().subtract(in.baseline());
        if (span.signum() == 0) {
            boolean reached = in.direction() == Direction.HIGHER_IS_BETTER
                    ? in.actual().compareTo(in.target()) >= 0 : in.actual().compareTo(in.target()) <= 0;
            return reached ? HUNDRED : BigDecimal.ZERO;
        }
        BigDecimal share = in.actual().subtract(in.baseline()).multiply(HUNDRED).divide(span, 2, RoundingMode.HALF_UP);
        return clamp(share);
    }

    public static Result ofTask(List<IndicatorInput> indicators, int milestonesDone, int milestonesTotal) {
        List<String> why = new ArrayList<>();
        BigDecimal indicatorPart = null;
        if (!indicators.isEmpty()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (IndicatorInput in : indicators) {
                BigDecimal p = ofIndicator(in);
                sum = sum.add(p);
                why.add("指标“" + in.name() + "”完成 " + plain(p) + "%（基期 " + plain(in.baseline()) + "，目标 "
                        + plain(in.target()) + "，实际 " + (in.actual() == null ? "未报" : plain(in.actual())) + "）");
            }
            indicatorPart = sum.divide(BigDecimal.valueOf(indicators.size()), 2, RoundingMode.HALF_UP);
        }
        BigDecimal milestonePart = null;
        if (milestonesTotal > 0) {
            milestonePart = BigDecimal.valueOf(milestonesDone).multiply(HUNDRED)
                    .divide(BigDecimal.valueOf(milestonesTotal), 2, RoundingMode.HALF_UP);
            why.add("节点完成 " + milestonesDone + "/" + milestonesTotal + "（" + plain(milestonePart) + "%）");
        }
        if (indicatorPart != null && milestonePart != null) {
            why.add("指标与节点各占一半");
            return new Result(indicatorPart.add(milestonePart).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP), why);
        }
        if (indicatorPart == null && milestonePart == null) {
            why.add("尚未设置指标和节点");
            return new Result(BigDecimal.ZERO.setScale(2), why);
        }
        return new Result(indicatorPart != null ? indicatorPart : milestonePart, why);
    }

    public static Result ofParent(List<ChildInput> children) {
        BigDecimal weights = children.stream().map(ChildInput::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> why = new ArrayList<>();
        if (weights.signum() == 0) {
            why.add("子任务权重合计为0，无法加权");
            return new Result(BigDecimal.ZERO.setScale(2), why);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (ChildInput child : children) {
            sum = sum.add(child.progress().multiply(child.weight()));
        }
        why.add("由 " + children.size() + " 项子任务按权重加权（权重合计 " + plain(weights) + "）");
        // Name the subtasks when there are few enough to read; beyond that the subtask list says it all.
        if (children.size() <= 12) {
            children.forEach(c -> why.add("“" + c.title() + "”进度 " + plain(c.progress()) + "%，权重 " + plain(c.weight())));
        }
        return new Result(clamp(sum.divide(weights, 2, RoundingMode.HALF_UP)), why);
    }

    static String plain(BigDecimal value) {
        return org.gongjian.shared.Decimals.plain(value);
    }

    private static BigDecimal clamp(BigDecimal value) {
        if (value.signum() < 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return value.compareTo(HUNDRED) > 0 ? HUNDRED.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
}
