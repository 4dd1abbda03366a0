package org.gongjian.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.gongjian.campaign.CampaignView.Thresholds;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskView.IndicatorView;
import org.gongjian.campaign.TaskView.MilestoneView;
import org.gongjian.campaign.TaskView.PointView;
import org.jspecify.annotations.Nullable;

/**
 * When a task's own verdict must be looked at again if none of its facts change: the first day after the evaluation
 * on which {@link LightRules#evaluate} could give another light <em>or another set of reasons</em>. The words of a
 * reason that move by the day (the day's planned value, the days to a milestone) need no evaluation: they are stored
 * as their facts and put into words when read ({@link DatedReason}). The daily run evaluates only tasks whose day has
 * come (plus those whose facts changed), so this date may be early — the task is then simply evaluated again and gets
 * a new date — but never late: a late date would leave a stale light.
 * <ul>
 *   <li>已完成 stays so as days pass (its milestones are done by then, its indicators at target): never.</li>
 *   <li>A milestone not done: the day it enters the window {@code dueSoonDays} before its due date (yellow), and the
 *       day after its due date (red, for good); a done date still in the future, on that date.</li>
 *   <li>An indicator: the first day it crosses {@code yellowBehindPct} or {@code redBehindPct} behind plan either
 *       way, found by walking the plan; none once the plan has reached its last value.</li>
 *   <li>Reporting: the day after the next deadline passes (the campaign-wide date the reporting facts give).</li>
 * </ul>
 */
final class LightRecheck {

    /** Walk at most this far ahead for an indicator's crossing; a plan longer than that is checked again then. */
    static final int HORIZON_DAYS = 400;
    /** Slack against double rounding: within this many percentage points of a threshold a change is assumed (earlier is safe). */
    private static final double SLACK = 1e-6;

    private LightRecheck() {
    }

    /**
     * @param own             the task's own verdict on {@code asOf} (before the roll-up: children are evaluated on
     *                        their own days, and a parent with them)
     * @param reportingChange the first day after {@code asOf} on which the reporting facts count another period, or
     *                        null when they never will
     * @return the first day to evaluate the task again, after {@code asOf}; null = no date alone changes it
     */
    static @Nullable LocalDate next(TaskFacts task, LightVerdict own, Thresholds thresholds, LocalDate asOf,
                                    @Nullable LocalDate reportingChange) {
        if (own.light() == Light.DONE) {
            return null;
        }
        LocalDate next = reportingChange;
        LocalDate tomorrow = asOf.plusDays(1);
        for (MilestoneView m : task.milestones()) {
            if (m.doneDate() != null && !m.doneDate().isAfter(asOf)) {
                continue;
            }
            if (m.doneDate() != null) {
                next = earlier(next, m.doneDate());
            }
            LocalDate window = m.dueDate().minusDays(thresholds.dueSoonDays());
            if (window.isAfter(asOf)) {
                next = earlier(next, window);   // turns yellow
            } else if (!m.dueDate().isBefore(asOf)) {
                next = earlier(next, m.dueDate().plusDays(1));   // yellow until its due date, red the day after
            }   // overdue: red until done, whatever the day; its reason counts the days when read
        }
        for (IndicatorView i : task.indicators()) {
            next = earlier(next, indicator(i, task, thresholds, asOf));
        }
        return next == null || next.isAfter(asOf) ? next : tomorrow;
    }

    private static @Nullable LocalDate earlier(@Nullable LocalDate a, @Nullable LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /** The plan as the rules read it ({@link LightRules#planned}), in epoch days and doubles for a cheap walk. */
    private record Plan(long[] days, double[] values) {

        static Plan of(IndicatorView i, LocalDate start, LocalDate due) {
            List<PointView> points = i.trajectory().stream().sorted(Comparator.comparing(PointView::date)).toList();
            java.util.ArrayList<PointView> path = new java.util.ArrayList<>();
            if (points.isEmpty() || points.get(0).date().isAfter(start)) {
                path.add(new PointView(start, i.baseline()));
            }
            path.addAll(points);
            if (path.get(path.size() - 1).date().isBefore(due)) {
                path.add(new PointView(due, i.target()));
            }
            long[] days = new long[path.size()];
            double[] values = new double[path.size()];
            for (int k = 0; k < path.size(); k++) {
                days[k] = path.get(k).date().toEpochDay();
                values[k] = path.get(k).value().doubleValue();
            }
            return new Plan(days, values);
        }

        long end() {
            return days[days.length - 1];
        }

        double at(long day) {
            if (day <= days[0]) {
                return values[0];
            }
            for (int k = 1; k < days.length; k++) {
                if (day <= days[k]) {
                    long total = days[k] - days[k - 1];
                    return total == 0 ? values[k]
                            : values[k - 1] + (values[k] - values[k - 1]) * (day - days[k - 1]) / total;
                }
            }
            return values[values.length - 1];
        }
    }

    private static @Nullable LocalDate indicator(IndicatorView i, TaskFacts task, Thresholds thresholds, LocalDate asOf) {
        BigDecimal spanExact = i.target().subtract(i.baseline()).abs();
        if (spanExact.signum() == 0) {
            return null;
        }
        Plan plan = Plan.of(i, task.planStart(), task.due());
        long today = asOf.toEpochDay();
        if (today >= plan.end()) {
            return null;   // the plan has reached its last value: nothing moves any more by date alone
        }
        Levels levels = new Levels(thresholds, (i.actual() == null ? i.baseline() : i.actual()).doubleValue(),
                spanExact.doubleValue(), i.direction() == Direction.LOWER_IS_BETTER);
        int now = levels.at(plan.at(today));
        if (now < 0) {
            return asOf.plusDays(1);   // on a threshold within the slack: look again tomorrow
        }
        long last = Math.min(plan.end(), today + HORIZON_DAYS);
        for (long day = today + 1; day <= last; day++) {
            if (levels.at(plan.at(day)) != now) {
                return LocalDate.ofEpochDay(day);
            }
        }
        return last < plan.end() ? LocalDate.ofEpochDay(last) : null;
    }

    /**
     * How far behind plan an indicator is, as the rules grade it: 0 on plan, 1 yellow ({@code yellowBehindPct} or
     * more), 2 red (more than {@code redBehindPct}); -1 within {@link #SLACK} of a threshold, where doubles cannot
     * tell (a change counted there is at worst early).
     */
    private record Levels(Thresholds thresholds, double actual, double span, boolean lowerIsBetter) {

        int at(double planned) {
            double behind = (lowerIsBetter ? actual - planned : planned - actual) * 100 / span;
            int low = level(behind - SLACK);
            return low == level(behind + SLACK) ? low : -1;
        }

        private int level(double behind) {
            return behind > thresholds.redBehindPct() ? 2 : behind >= thresholds.yellowBehindPct() ? 1 : 0;
        }
    }
}
