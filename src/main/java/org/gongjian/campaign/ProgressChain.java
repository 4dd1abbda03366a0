package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.IndicatorStore.IndicatorFigures;
import org.gongjian.campaign.TaskStore.ChainTask;

/**
 * A task and its ancestors (nearest first), locked, with their indicators and milestones read once for the whole
 * chain: what {@link TaskProgress} moves and rolls up in memory while it writes each changed figure.
 */
final class ProgressChain {

    private final List<Long> ids;
    private final Map<Long, ChainTask> tasks;
    private final Map<Long, List<IndicatorFigures>> indicators;
    private final Map<Long, List<TaskView.MilestoneView>> milestones;

    ProgressChain(List<Long> ids, Map<Long, ChainTask> tasks, Map<Long, List<IndicatorFigures>> indicators,
                  Map<Long, List<TaskView.MilestoneView>> milestones) {
        this.ids = ids;
        this.tasks = tasks;
        this.indicators = new java.util.HashMap<>(indicators);
        this.milestones = new java.util.HashMap<>(milestones);
    }

    /** The task and its ancestors, nearest first. */
    List<Long> ids() {
        return ids;
    }

    long taskId() {
        return ids.get(0);
    }

    long campaignId() {
        return tasks.get(taskId()).campaignId();
    }

    BigDecimal storedProgress(long taskId) {
        return tasks.get(taskId).progress();
    }

    List<IndicatorFigures> indicators(long taskId) {
        return indicators.getOrDefault(taskId, List.of());
    }

    List<TaskView.MilestoneView> milestones(long taskId) {
        return milestones.getOrDefault(taskId, List.of());
    }

    void actualSet(IndicatorFigures indicator, BigDecimal value) {
        List<IndicatorFigures> own = new ArrayList<>(indicators(indicator.taskId()));
        own.replaceAll(i -> i.id() == indicator.id() ? i.withActual(value) : i);
        indicators.put(indicator.taskId(), own);
    }

    void milestoneDone(long taskId, TaskView.MilestoneView milestone, LocalDate doneOn) {
        List<TaskView.MilestoneView> own = new ArrayList<>(milestones(taskId));
        own.replaceAll(m -> m.id() == milestone.id() ? new TaskView.MilestoneView(m.id(), m.title(), m.dueDate(), doneOn) : m);
        milestones.put(taskId, own);
    }
}
