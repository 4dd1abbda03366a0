package org.gongjian.briefing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gongjian.campaign.Light;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.supervision.SupervisionFigures.BranchCell;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of a dashboard, without the database: light cells and stored period rows in, tallies per category
 * and unit, heat map, trend and headline figures out. Rows roll up to the focus unit's children ({@link UnitRollUp}).
 */
final class DashboardFigures {

    private final UnitRollUp rollUp;
    private final String focusName;
    private final List<BranchCell> cells;
    private final List<CockpitStore.Figure> figures;
    private final String currentPeriod;
    private final @Nullable String duePeriod;
    private @Nullable List<Dashboard.TrendPoint> trend;

    DashboardFigures(UnitRollUp rollUp, String focusName, List<BranchCell> cells, List<CockpitStore.Figure> figures,
                     String currentPeriod, @Nullable String duePeriod) {
        this.rollUp = rollUp;
        this.focusName = focusName;
        this.cells = cells;
        this.figures = figures;
        this.currentPeriod = currentPeriod;
        this.duePeriod = duePeriod;
    }

    @Nullable String duePeriod() {
        return duePeriod;
    }

    Dashboard.Tally lights() {
        return cells.stream().map(DashboardFigures::tally).reduce(Dashboard.Tally.of(0, 0, 0, 0), Dashboard.Tally::plus);
    }

    List<Dashboard.CategoryRow> byCategory() {
        Map<String, Dashboard.Tally> map = new TreeMap<>();
        cells.forEach(c -> map.merge(c.category(), tally(c), Dashboard.Tally::plus));
        return map.entrySet().stream().map(e -> new Dashboard.CategoryRow(e.getKey(), e.getValue())).toList();
    }

    /** The focus unit's own row first, then its children in path order; units with nothing to show are left out. */
    List<Dashboard.UnitRow> byUnit() {
        Map<Long, Dashboard.Tally> lights = new LinkedHashMap<>();
        cells.forEach(c -> lights.merge(rollUp.rowOf(c.branchPath()), tally(c), Dashboard.Tally::plus));
        Map<Long, int[]> reporting = new LinkedHashMap<>();
        figures.stream().filter(f -> f.period().equals(duePeriod)).forEach(f -> {
            int[] r = reporting.computeIfAbsent(rollUp.rowOf(f.unitPath()), k -> new int[4]);
            r[0] += f.expected();
            r[1] += f.onTime();
            r[2] += f.late();
            r[3] += f.notIn();
        });
        List<Dashboard.UnitRow> rows = new ArrayList<>();
        row(rows, rollUp.focusId(), focusName, true, false, lights, reporting);
        rollUp.children().forEach(c -> row(rows, c.id(), c.name(), false, c.hasChildren(), lights, reporting));
        return rows;
    }

    private static void row(List<Dashboard.UnitRow> rows, long id, String name, boolean self, boolean drillable,
                            Map<Long, Dashboard.Tally> lights, Map<Long, int[]> reporting) {
        Dashboard.Tally t = lights.getOrDefault(id, Dashboard.Tally.of(0, 0, 0, 0));
        int[] r = reporting.getOrDefault(id, new int[4]);
        if (t.total() > 0 || r[0] > 0) {
            rows.add(new Dashboard.UnitRow(id, name, self, drillable, t, r[0], r[1], r[2], r[3]));
        }
    }

    /** Red tasks per unit row × category; the cell also carries the total, so the page can show "2/5". */
    Dashboard.Heatmap heatmap() {
        List<Dashboard.UnitRow> units = byUnit();
        List<String> categories = byCategory().stream().map(Dashboard.CategoryRow::category).toList();
        Map<String, long[]> cellMap = new LinkedHashMap<>();
        cells.forEach(c -> {
            long[] v = cellMap.computeIfAbsent(rollUp.rowOf(c.branchPath()) + "|" + c.category(), k -> new long[2]);
            v[0] += c.light() == Light.RED ? c.tasks() : 0;
            v[1] += c.tasks();
        });
        List<List<Long>> out = new ArrayList<>();
        for (int y = 0; y < units.size(); y++) {
            for (int x = 0; x < categories.size(); x++) {
                long[] v = cellMap.get(units.get(y).unitId() + "|" + categories.get(x));
                if (v != null) {
                    out.add(List.of((long) x, (long) y, v[0], v[1]));
                }
            }
        }
        return new Dashboard.Heatmap(units.stream().map(Dashboard.UnitRow::name).toList(),
                units.stream().map(Dashboard.UnitRow::unitId).toList(), categories, out);
    }

    /**
     * Per period, oldest first; the current period's lights are the live counts, not the last refresh's. Computed
     * once (the dashboard and its headline figures both read it).
     */
    List<Dashboard.TrendPoint> trend() {
        if (trend == null) {
            trend = computeTrend();
        }
        return trend;
    }

    private List<Dashboard.TrendPoint> computeTrend() {
        // each label parsed once: with a parse per comparison (a row per child unit and period, a few hundred of them)
        // the trend took 11 of the 24 JFR samples inside Cockpit.dashboard at city scale (issue #18)
        Map<String, java.time.LocalDate> starts = new java.util.HashMap<>();
        java.util.function.Function<String, java.time.LocalDate> startOf = p -> starts.computeIfAbsent(p,
                ReportingPeriod::startOf);
        Map<String, List<CockpitStore.Figure>> byPeriod = new TreeMap<>(java.util.Comparator.comparing(startOf));
        figures.forEach(f -> byPeriod.computeIfAbsent(f.period(), k -> new ArrayList<>()).add(f));
        byPeriod.computeIfAbsent(currentPeriod, k -> new ArrayList<>());
        List<Dashboard.TrendPoint> points = new ArrayList<>();
        byPeriod.forEach((period, rows) -> {
            Dashboard.Tally lights = period.equals(currentPeriod) ? lights() : rows.stream()
                    .map(f -> Dashboard.Tally.of(f.green(), f.yellow(), f.red(), f.done()))
                    .reduce(Dashboard.Tally.of(0, 0, 0, 0), Dashboard.Tally::plus);
            long tasks = rows.stream().filter(f -> f.tasks() != null).mapToLong(f -> f.tasks()).sum();
            BigDecimal sum = rows.stream().map(CockpitStore.Figure::progressSum).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean due = duePeriod != null && startOf.apply(period).compareTo(startOf.apply(duePeriod)) <= 0;
            points.add(new Dashboard.TrendPoint(period, ReportingPeriod.displayName(period), lights,
                    tasks == 0 ? null : sum.divide(BigDecimal.valueOf(tasks), 1, RoundingMode.HALF_UP),
                    rows.stream().mapToInt(CockpitStore.Figure::expected).sum(),
                    rows.stream().mapToInt(CockpitStore.Figure::onTime).sum(),
                    rows.stream().mapToInt(CockpitStore.Figure::late).sum(),
                    rows.stream().mapToInt(CockpitStore.Figure::notIn).sum(), due));
        });
        return points;
    }

    /** Headline figures with the same figure a period earlier: red tasks, on-time rate, average progress, notices, pledges. */
    List<Dashboard.Kpi> kpis(List<Dashboard.NoticeRow> notices, long pledgesSigned, long pledges) {
        List<Dashboard.TrendPoint> trend = trend();
        int now = trend.size() - 1;
        Dashboard.@Nullable TrendPoint before = now > 0 ? trend.get(now - 1) : null;
        int dueIndex = -1;
        for (int i = 0; i < trend.size(); i++) {
            if (trend.get(i).period().equals(duePeriod)) {
                dueIndex = i;
            }
        }
        List<Dashboard.Kpi> kpis = new ArrayList<>();
        kpis.add(new Dashboard.Kpi("red", "红灯任务", BigDecimal.valueOf(lights().red()),
                before == null ? null : BigDecimal.valueOf(before.lights().red()), "项", false));
        BigDecimal onTimeNow = dueIndex < 0 ? null : onTimeRate(trend.get(dueIndex));
        kpis.add(new Dashboard.Kpi("onTime", "按时报送率", nonNull(onTimeNow),
                dueIndex < 1 ? null : onTimeRate(trend.get(dueIndex - 1)), "%", true));
        kpis.add(new Dashboard.Kpi("progress", "平均进度", nonNull(trend.get(now).progress()),
                before == null ? null : before.progress(), "%", true));
        kpis.add(new Dashboard.Kpi("overdueNotices", "逾期未反馈督办", BigDecimal.valueOf(notices.stream()
                .mapToLong(Dashboard.NoticeRow::overdue).sum()), null, "件", false));
        kpis.add(new Dashboard.Kpi("pledges", "军令状签署率", pledges == 0 ? BigDecimal.ZERO
                : percent(pledgesSigned, pledges), null, "%", true));
        return kpis;
    }

    /** On-time share of the period's expected reports; null when nothing was due. */
    static @Nullable BigDecimal onTimeRate(Dashboard.TrendPoint p) {
        return p.expected() == 0 ? null : percent(p.onTime(), p.expected());
    }

    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal nonNull(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static Dashboard.Tally tally(BranchCell c) {
        long n = c.tasks();
        return Dashboard.Tally.of(c.light() == Light.GREEN ? n : 0, c.light() == Light.YELLOW ? n : 0,
                c.light() == Light.RED ? n : 0, c.light() == Light.DONE ? n : 0);
    }
}
