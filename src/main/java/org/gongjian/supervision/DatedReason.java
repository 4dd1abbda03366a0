package org.gongjian.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.gongjian.campaign.Direction;
import org.gongjian.campaign.TaskView.IndicatorView;
import org.gongjian.campaign.TaskView.MilestoneView;
import org.gongjian.campaign.TaskView.PointView;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A light reason whose words move by the day while the light stays: an indicator behind plan quotes the day's planned
 * value and shares, a milestone due soon or overdue counts the days. It is stored as the facts it needs (one JSON
 * line in {@code task_light_reason}) and put into words for the reading day by the same code the rules use
 * ({@link LightRules#behindReason}, {@link LightRules#milestoneReason}), so a task read on day D shows what an
 * evaluation on day D would have written, and the daily run need not rewrite it ({@link LightRecheck}).
 */
sealed interface DatedReason {

    String on(LocalDate day);

    /** A milestone not done, due within the due-soon window or overdue. */
    record MilestoneDue(String title, LocalDate due) implements DatedReason {

        static MilestoneDue of(MilestoneView m) {
            return new MilestoneDue(m.title(), m.dueDate());
        }

        @Override
        public String on(LocalDate day) {
            return LightRules.milestoneReason(title, ChronoUnit.DAYS.between(day, due));
        }
    }

    /** An indicator behind plan: its figures and the plan they are measured against (start, due, trajectory). */
    record IndicatorBehind(String name, String unit, BigDecimal baseline, BigDecimal target, @Nullable BigDecimal actual,
                           Direction direction, LocalDate planStart, LocalDate planDue, List<PointView> trajectory)
            implements DatedReason {

        static IndicatorBehind of(IndicatorView i, TaskFacts task) {
            return new IndicatorBehind(i.name(), i.unit(), i.baseline(), i.target(), i.actual(), i.direction(),
                    task.planStart(), task.due(), i.trajectory());
        }

        @Override
        public String on(LocalDate day) {
            IndicatorView i = new IndicatorView(0, name, unit, baseline, target, actual, direction, BigDecimal.ZERO,
                    trajectory);
            return LightRules.behindReason(i, LightRules.planned(i, planStart, planDue, day));
        }
    }

    /** The stored form: exactly one of the two set (typed fields keep each decimal's digits and scale as stored). */
    record Line(@Nullable MilestoneDue milestone, @Nullable IndicatorBehind indicator) {}

    JsonMapper JSON = JsonMapper.builder().build();

    /** A stored line starts with this; a reason in words never does (they all begin with a Chinese word or a count). */
    String PREFIX = "{";

    static String line(DatedReason reason) {
        return JSON.writeValueAsString(reason instanceof MilestoneDue m ? new Line(m, null)
                : new Line(null, (IndicatorBehind) reason));
    }

    /** The reason a stored line holds, or empty for a line of words (stored before, or not dated). */
    static Optional<DatedReason> of(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            Line read = JSON.readValue(line, Line.class);
            return Optional.ofNullable(read.milestone() != null ? read.milestone() : read.indicator());
        } catch (JacksonException e) {
            return Optional.empty();   // cut short or not ours: shown as stored
        }
    }
}
