package org.gongjian.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.gongjian.campaign.TaskView;
import org.jspecify.annotations.Nullable;

/**
 * This period beside the last (上期): each indicator's two values and the change, and whether the report says
 * nothing new — the same figures and the same words as last time, the copy-paste the form warns about.
 */
record ReportDiff(@Nullable ReportView last, List<Row> rows, boolean sameTexts) {

    /** One indicator: last period's value, this period's, and the change (null where either is missing). */
    record Row(TaskView.IndicatorView indicator, @Nullable BigDecimal last, @Nullable BigDecimal now,
               @Nullable BigDecimal change) {

        public boolean same() {
            return last == null ? now == null : now != null && last.compareTo(now) == 0;
        }
    }

    static ReportDiff of(TaskView task, ReportView now, @Nullable ReportView last) {
        List<Row> rows = task.indicators().stream().map(i -> {
            BigDecimal before = last == null ? null : last.valueOf(i.id());
            BigDecimal after = now.valueOf(i.id());
            return new Row(i, before, after, before == null || after == null ? null : after.subtract(before));
        }).toList();
        boolean sameTexts = last != null && same(now.progressText(), last.progressText())
                && same(now.problems(), last.problems()) && same(now.nextSteps(), last.nextSteps());
        return new ReportDiff(last, rows, sameTexts);
    }

    /** Nothing new since last period: every value and every text as it was. Never true without a last period. */
    public boolean unchanged() {
        return last != null && sameTexts && rows.stream().allMatch(Row::same);
    }

    private static boolean same(@Nullable String a, @Nullable String b) {
        return Objects.equals(normalised(a), normalised(b));
    }

    private static @Nullable String normalised(@Nullable String text) {
        String t = ReportChecks.text(text);
        return t == null ? null : t.replaceAll("\\s+", " ");
    }
}
