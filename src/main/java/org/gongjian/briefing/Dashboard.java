package org.gongjian.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The cockpit's figures for one campaign seen from one unit (the caller's scope or a unit inside it): what the page
 * draws and {@code GET /api/v1/campaigns/{id}/dashboard} returns. Units are the focus unit's direct children plus the
 * focus unit itself (本级, tasks it leads directly); a task counts once, under the unit that leads it.
 */
public record Dashboard(long campaignId, String campaignName, Unit unit, @Nullable Unit parent, LocalDate asOf,
                        String period, String periodName, @Nullable String duePeriod, @Nullable String duePeriodName,
                        Tally lights, List<CategoryRow> byCategory, List<UnitRow> byUnit, Heatmap heatmap,
                        List<TrendPoint> trend, List<RedTask> redTasks, List<NoticeRow> notices, Pledges pledges,
                        List<Kpi> kpis, @Nullable Ranking ranking) {

    public record Unit(long id, String name) {}

    /** Tasks per light; {@code total} is their sum. */
    public record Tally(long green, long yellow, long red, long done, long total) {

        static Tally of(long green, long yellow, long red, long done) {
            return new Tally(green, yellow, red, done, green + yellow + red + done);
        }

        Tally plus(Tally o) {
            return of(green + o.green, yellow + o.yellow, red + o.red, done + o.done);
        }
    }

    public record CategoryRow(String category, Tally lights) {}

    /**
     * A unit of the breakdown: {@code self} = the focus unit's own tasks; {@code drillable} = it has units below.
     * Reporting figures are for the last period due ({@code duePeriod}): expected, on time, late, missing.
     */
    public record UnitRow(long unitId, String name, boolean self, boolean drillable, Tally lights,
                          int expected, int onTime, int late, int missing) {}

    /** Red tasks per unit (rows) × category (columns): cells are {@code [column, row, red, total]}. */
    public record Heatmap(List<String> units, List<Long> unitIds, List<String> categories, List<List<Long>> cells) {}

    /**
     * One reporting period: lights at its end (now for the current one), average progress when known, and its reports
     * (missing only once its deadline has passed; before that they are {@code notIn}).
     */
    public record TrendPoint(String period, String name, Tally lights, @Nullable BigDecimal progress, int expected,
                             int onTime, int late, int notIn, boolean due) {}

    public record RedTask(long taskId, String title, String unitName, LocalDate since, long days, List<String> reasons) {}

    /** Notices being handled at a level (open or responded) and how many are open past their response date. */
    public record NoticeRow(String level, String label, long open, long overdue) {}

    public record Pledges(long signed, long unsigned, long total) {}

    /** A headline figure with the same figure one period earlier (null when not known). */
    public record Kpi(String key, String label, BigDecimal current, @Nullable BigDecimal previous, String unit,
                      boolean higherIsBetter) {}

    /** The place for the assessment module's rank tile (考核排名); null until that module supplies it. */
    public record Ranking(int rank, int of, String group, BigDecimal score) {}
}
