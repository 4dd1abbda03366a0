package org.gongjian.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One category's figures summed from rows per light (tallied or counted), made into its {@link CategorySummary}. */
final class CategoryFigures {

    final String category;
    private long red;
    private long yellow;
    private long green;
    private long done;
    private long unevaluated;
    private BigDecimal progress = BigDecimal.ZERO;

    CategoryFigures(String category) {
        this.category = category;
    }

    void add(@Nullable String light, long tasks, BigDecimal progressSum) {
        if (light == null) {
            unevaluated += tasks;
        } else {
            switch (Light.valueOf(light)) {
                case RED -> red += tasks;
                case YELLOW -> yellow += tasks;
                case GREEN -> green += tasks;
                case DONE -> done += tasks;
            }
        }
        progress = progress.add(progressSum);
    }

    /** Adds the summary unless the category has no task (its tallied rows net to none). */
    void addTo(List<CategorySummary> summaries) {
        long tasks = red + yellow + green + done + unevaluated;
        if (tasks > 0) {
            // the average rounded once, to the tenth the overview shows (the counted AVG was rounded the same way)
            summaries.add(new CategorySummary(category, tasks,
                    progress.divide(BigDecimal.valueOf(tasks), 1, RoundingMode.HALF_UP), red, yellow, green, done, unevaluated));
        }
    }
}
