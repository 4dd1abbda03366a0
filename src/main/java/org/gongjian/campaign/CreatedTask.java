package org.gongjian.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A task as it stands the moment it is created, from its command and the ids its inserts returned: what
 * {@link TaskService#create} answers and audits without reading the task back (five statements a create, issue #18).
 * Each value has the scale its column gives it, so this is what a read of the task gives, to the last decimal.
 */
final class CreatedTask {

    private static final int WEIGHT_SCALE = 2;     // task.weight DECIMAL(8, 2)
    private static final int FIGURE_SCALE = 4;     // indicator and indicator_point figures DECIMAL(18, 4)

    private CreatedTask() {
    }

    /** A new task's own progress: no actuals yet, the milestones given as done (it has no subtasks to weigh). */
    static Progress.Result ownProgress(TaskCommand command) {
        int done = (int) command.milestoneList().stream().filter(m -> m.doneDate() != null).count();
        return Progress.ofTask(command.indicatorList().stream().map(in -> new Progress.IndicatorInput(in.name().trim(),
                in.baseline(), in.target(), null, in.direction())).toList(), done, command.milestoneList().size());
    }

    static TaskView view(long campaignId, @Nullable Long parentId, TaskCommand c, TaskStore.Inserted inserted,
                         String leadUnitName, @Nullable String leadLeaderName) {
        List<TaskView.IndicatorView> indicators = new ArrayList<>();
        for (int i = 0; i < c.indicatorList().size(); i++) {
            TaskCommand.IndicatorInput in = c.indicatorList().get(i);
            BigDecimal baseline = figure(in.baseline());
            BigDecimal target = figure(in.target());
            String name = in.name().trim();
            indicators.add(new TaskView.IndicatorView(inserted.indicatorIds().get(i), name, in.unit().trim(), baseline,
                    target, null, in.direction(), Progress.ofIndicator(new Progress.IndicatorInput(name, baseline, target,
                    null, in.direction())), IndicatorStore.points(in).stream()
                    .map(p -> new TaskView.PointView(p.date(), figure(p.value()))).toList()));
        }
        List<TaskView.MilestoneView> milestones = new ArrayList<>();
        for (int i = 0; i < c.milestoneList().size(); i++) {
            TaskCommand.MilestoneInput m = c.milestoneList().get(i);
            milestones.add(new TaskView.MilestoneView(inserted.milestoneIds().get(i), m.title().trim(), m.dueDate(),
                    m.doneDate()));
        }
        milestones.sort(Comparator.comparing(TaskView.MilestoneView::dueDate)); // stable: then in the command's order
        Progress.Result own = TaskQueries.progressOf(List.of(), indicators, milestones);
        return new TaskView(inserted.id(), campaignId, parentId, c.title().trim(), c.description(), c.category(),
                c.leadUnitId(), leadUnitName, c.leadLeaderId(), leadLeaderName,
                c.cooperatingUnitList().stream().sorted().toList(), c.weightOrDefault().setScale(WEIGHT_SCALE,
                RoundingMode.HALF_UP), c.startDate(), c.dueDate(), indicators, milestones, null, List.of(), own.percent(),
                own.explanation(), 0, 0);
    }

    private static BigDecimal figure(BigDecimal value) {
        return value.setScale(FIGURE_SCALE, RoundingMode.HALF_UP);
    }
}
