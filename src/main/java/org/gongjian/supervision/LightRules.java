package org.gongjian.supervision;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gongjian.campaign.CampaignView.Thresholds;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskView.IndicatorView;
import org.gongjian.campaign.TaskView.MilestoneView;
import org.gongjian.campaign.TaskView.PointView;
import org.gongjian.shared.Decimals;
import org.jspecify.annotations.Nullable;

/**
 * The status-light rules (DESIGN.md “Status lights”), as a pure function of the facts: every rule that fires adds
 * a reason with its numbers, and the worst light wins.
 */
public final class LightRules {

    static final String ON_TRACK = LightReason.ON_TRACK.text();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LightRules() {
    }

    /** A rule that fired: its light, its words on the evaluation day and the line stored for it (the words, or the facts of a {@link DatedReason}). */
    private record Finding(Light light, String reason, String line) {

        Finding(Light light, String reason) {
            this(light, reason, reason);
        }

        static Finding dated(Light light, DatedReason reason, LocalDate asOf) {
            return new Finding(light, reason.on(asOf), DatedReason.line(reason));
        }
    }

    public static LightVerdict evaluate(TaskFacts task, ReportingFacts reporting, Thresholds thresholds,
                                        LocalDate asOf) {
        if (done(task, reporting, asOf)) {
            return new LightVerdict(Light.DONE, List.of(doneReason(task)));
        }
        List<Finding> findings = new ArrayList<>();
        milestones(task, thresholds, asOf, findings);
        reporting(task, reporting, asOf, findings);
        indicators(task, thresholds, asOf, findings);
        if (findings.isEmpty()) {
            return new LightVerdict(Light.GREEN, List.of(ON_TRACK));
        }
        findings.sort(Comparator.comparingInt((Finding f) -> -LightVerdict.severity(f.light())));
        return new LightVerdict(findings.get(0).light(), findings.stream().map(Finding::reason).toList(),
                findings.stream().map(Finding::line).toList());
    }

    /** 已完成: every milestone done, every indicator at its target (either direction), the last report approved. */
    static boolean done(TaskFacts task, ReportingFacts reporting, LocalDate asOf) {
        return reporting.lastReportApproved()
                && task.milestones().stream().allMatch(m -> doneBy(m, asOf))
                && task.indicators().stream().allMatch(LightRules::atTarget);
    }

    private static String doneReason(TaskFacts task) {
        return LightReason.DONE.text(task.milestones().size(), task.indicators().size());
    }

    private static boolean doneBy(MilestoneView m, LocalDate asOf) {
        return m.doneDate() != null && !m.doneDate().isAfter(asOf);
    }

    private static boolean atTarget(IndicatorView i) {
        int cmp = actualOf(i).compareTo(i.target());
        return i.direction() == Direction.LOWER_IS_BETTER ? cmp <= 0 : cmp >= 0;
    }

    /** An indicator without an actual yet counts as its baseline. */
    private static BigDecimal actualOf(IndicatorView i) {
        return i.actual() == null ? i.baseline() : i.actual();
    }

    // 红灯: a milestone overdue and not done; 黄灯: due within dueSoonDays (0..N days from today) and not done.
    private static void milestones(TaskFacts task, Thresholds thresholds, LocalDate asOf, List<Finding> findings) {
        for (MilestoneView m : task.milestones()) {
            if (doneBy(m, asOf)) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(asOf, m.dueDate());
            if (days <= 0 || days <= thresholds.dueSoonDays()) {
                findings.add(Finding.dated(days < 0 ? Light.RED : Light.YELLOW, DatedReason.MilestoneDue.of(m), asOf));
            }
        }
    }

    /** A milestone not done that is {@code days} from its due date (negative: overdue) in words. */
    static String milestoneReason(String title, long days) {
        if (days < 0) {
            return LightReason.MILESTONE_OVERDUE.text(title, -days);
        }
        return days == 0 ? LightReason.MILESTONE_DUE_TODAY.text(title) : LightReason.MILESTONE_DUE_SOON.text(title, days);
    }

    // 红灯: no report for the last two periods whose deadline passed; 黄灯: the last one missing or late.
    private static void reporting(TaskFacts task, ReportingFacts reporting, LocalDate asOf, List<Finding> findings) {
        List<ReportingFacts.PeriodFact> counted = reporting.lastPeriods().stream()
                .filter(p -> p.deadline().isBefore(asOf) && !p.deadline().isBefore(task.planStart()))
                .sorted(Comparator.comparing(ReportingFacts.PeriodFact::deadline).reversed())
                .toList();
        if (counted.isEmpty()) {
            return;
        }
        ReportingFacts.PeriodFact last = counted.get(0);
        if (counted.size() >= 2 && last.status() == ReportingFacts.Status.MISSING
                && counted.get(1).status() == ReportingFacts.Status.MISSING) {
            findings.add(new Finding(Light.RED, LightReason.TWO_PERIODS_MISSING.text(counted.get(1).period(), last.period())));
        } else if (last.status() == ReportingFacts.Status.MISSING) {
            findings.add(new Finding(Light.YELLOW, LightReason.LAST_PERIOD_MISSING.text(last.period())));
        } else if (last.status() == ReportingFacts.Status.LATE) {
            findings.add(new Finding(Light.YELLOW, LightReason.LAST_PERIOD_LATE.text(last.period())));
        }
    }

    // Behind the planned trajectory by more than redBehindPct % of |target − baseline| → red; yellowBehindPct..red → yellow.
    private static void indicators(TaskFacts task, Thresholds thresholds, LocalDate asOf, List<Finding> findings) {
        for (IndicatorView i : task.indicators()) {
            BigDecimal span = i.target().subtract(i.baseline()).abs();
            if (span.signum() == 0) {
                continue;
            }
            BigDecimal planned = planned(i, task.planStart(), task.due(), asOf);
            BigDecimal actual = actualOf(i);
            BigDecimal shortfall = i.direction() == Direction.LOWER_IS_BETTER
                    ? actual.subtract(planned) : planned.subtract(actual);
            BigDecimal behindPct = shortfall.multiply(HUNDRED).divide(span, MathContext.DECIMAL64);
            @Nullable Light light = behindPct.compareTo(BigDecimal.valueOf(thresholds.redBehindPct())) > 0 ? Light.RED
                    : behindPct.compareTo(BigDecimal.valueOf(thresholds.yellowBehindPct())) >= 0 ? Light.YELLOW : null;
            if (light != null) {
                findings.add(Finding.dated(light, DatedReason.IndicatorBehind.of(i, task), asOf));
            }
        }
    }

    /**
     * The planned value on a date: through the task's own trajectory points, linearly between them, from the
     * baseline at the plan start before the first point and on to the target at the due date after the last; without
     * points straight from baseline at the plan start to target at the due date.
     */
    public static BigDecimal planned(IndicatorView i, LocalDate start, LocalDate due, LocalDate asOf) {
        List<PointView> path = new ArrayList<>();
        List<PointView> points = i.trajectory().stream().sorted(Comparator.comparing(PointView::date)).toList();
        if (points.isEmpty() || points.get(0).date().isAfter(start)) {
            path.add(new PointView(start, i.baseline()));
        }
        path.addAll(points);
        if (path.get(path.size() - 1).date().isBefore(due)) {
            path.add(new PointView(due, i.target()));
        }
        if (!asOf.isAfter(path.get(0).date())) {
            return path.get(0).value();
        }
        for (int k = 1; k < path.size(); k++) {
            PointView a = path.get(k - 1);
            PointView b = path.get(k);
            if (!asOf.isAfter(b.date())) {
                long total = ChronoUnit.DAYS.between(a.date(), b.date());
                long passed = ChronoUnit.DAYS.between(a.date(), asOf);
                return total == 0 ? b.value() : a.value().add(b.value().subtract(a.value())
                        .multiply(BigDecimal.valueOf(passed)).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64));
            }
        }
        return path.get(path.size() - 1).value();
    }

    /**
     * The reason for an indicator behind plan, in words whose arithmetic reads right: actual and planned in the
     * indicator's unit, then both as the share of the way from baseline to target (目标进度), and the gap between those
     * two shares in percentage points — the figure the campaign's yellow and red thresholds are set on.
     */
    static String behindReason(IndicatorView i, BigDecimal planned) {
        BigDecimal actual = actualOf(i);
        BigDecimal span = i.target().subtract(i.baseline()).abs();
        BigDecimal plannedShare = share(i, planned, span);
        BigDecimal actualShare = share(i, actual, span);
        String gap = Decimals.plain(plannedShare.subtract(actualShare));
        if (i.actual() == null) {
            return LightReason.INDICATOR_NOT_REPORTED.text(i.name(), number(i.baseline()) + i.unit(),
                    number(planned) + i.unit(), number(i.target()) + i.unit(), Decimals.plain(plannedShare));
        }
        return LightReason.INDICATOR_BEHIND.text(i.name(), number(actual) + i.unit(), number(planned) + i.unit(),
                number(i.baseline()) + i.unit(), number(i.target()) + i.unit(), Decimals.plain(actualShare),
                Decimals.plain(plannedShare), gap);
    }

    /** How far a value has moved from the baseline towards the target, in percent of the span, two decimals. */
    private static BigDecimal share(IndicatorView i, BigDecimal value, BigDecimal span) {
        BigDecimal moved = i.direction() == Direction.LOWER_IS_BETTER
                ? i.baseline().subtract(value) : value.subtract(i.baseline());
        return moved.multiply(HUNDRED).divide(span, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
    }

    private static String number(BigDecimal value) {
        return Decimals.plain(value.setScale(2, RoundingMode.HALF_UP));
    }

    /** One subtask's light as the roll-up sees it (null: not evaluated yet, which only keeps the parent from DONE). */
    public record ChildLight(String title, @Nullable Light light) {}

    /**
     * Roll-up: a parent's light is the worst of its own verdict and its children's lights; DONE only when it and all
     * its children are done. Red and yellow children are named in the reasons, worst first.
     */
    public static LightVerdict rollUp(LightVerdict own, List<ChildLight> children) {
        if (children.isEmpty()) {
            return own;
        }
        Light light = own.light();
        List<Finding> red = new ArrayList<>();
        List<Finding> yellow = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (ChildLight child : children) {
            Light childLight = child.light() == null ? Light.GREEN : child.light();
            light = LightVerdict.worse(light, childLight);
            if (childLight == Light.RED) {
                red.add(new Finding(Light.RED, LightReason.SUBTASK_RED.text(child.title())));
            } else if (childLight == Light.YELLOW) {
                yellow.add(new Finding(Light.YELLOW, LightReason.SUBTASK_YELLOW.text(child.title())));
            } else if (childLight != Light.DONE) {
                open.add(child.title());
            }
        }
        List<Finding> mine = new ArrayList<>();
        for (int k = 0; k < own.reasons().size(); k++) {
            mine.add(new Finding(own.light(), own.reasons().get(k), own.lines().get(k)));
        }
        List<Finding> reasons = new ArrayList<>();
        if (light == Light.DONE) {
            reasons.addAll(mine);
            reasons.add(new Finding(light, LightReason.SUBTASKS_DONE.text(children.size())));
        } else if (own.light() == Light.RED) {
            reasons.addAll(mine);
            reasons.addAll(red);
            reasons.addAll(yellow);
        } else if (own.light() == Light.YELLOW) {
            reasons.addAll(red);
            reasons.addAll(mine);
            reasons.addAll(yellow);
        } else {
            reasons.addAll(red);
            reasons.addAll(yellow);
        }
        if (reasons.isEmpty()) {
            reasons.add(new Finding(light, own.light() == Light.DONE
                    ? LightReason.SUBTASKS_OPEN.text(String.join("”“", open))
                    : LightReason.ON_TRACK_WITH_SUBTASKS.text(children.size())));
        }
        return new LightVerdict(light, reasons.stream().map(Finding::reason).toList(),
                reasons.stream().map(Finding::line).toList());
    }
}
