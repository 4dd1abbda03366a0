package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.TaskStore.TaskRecord;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A task's progress (进度): reported actuals and milestones reach the task (with history and audit), and its progress
 * is recomputed once and rolled up the parent chain. An approved report arrives here as one {@link ReportedProgress}:
 * one read of the task, one write per changed figure, one recomputation.
 */
@Service
@Transactional
public class TaskProgress {

    private final TaskStore tasks;
    private final IndicatorStore indicators;
    private final MilestoneStore milestones;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskProgress(TaskStore tasks, IndicatorStore indicators, MilestoneStore milestones, ApplicationEventPublisher events,
                 Clock clock) {
        this.tasks = tasks;
        this.indicators = indicators;
        this.milestones = milestones;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies what a report moved, recomputes progress up to the root and publishes {@link TaskChanged} (PROGRESSED)
     * when anything changed.
     * @return the task and its ancestors, nearest first (what needs a new light, whether or not a figure moved: the
     *         approval itself can turn a task DONE)
     */
    public List<Long> apply(ReportedProgress reported) {
        long taskId = reported.taskId();
        TaskRecord task = tasks.findUnscoped(taskId).orElseThrow(() -> new NotFound("task", taskId));
        boolean changed = false;
        for (IndicatorStore.IndicatorActual indicator : indicators.actuals(taskId)) {
            BigDecimal value = reported.actuals().get(indicator.id());
            if (value != null && (indicator.actual() == null || indicator.actual().compareTo(value) != 0)) {
                setActual(taskId, indicator, value);
                changed = true;
            }
        }
        for (TaskView.MilestoneView milestone : milestones.ofTask(taskId)) {
            LocalDate doneOn = reported.milestonesDone().get(milestone.id());
            if (doneOn != null && milestone.doneDate() == null) {
                setDone(taskId, milestone, doneOn);
                changed = true;
            }
        }
        List<Long> chain = changed ? recompute(task) : ancestry(task);
        if (changed) {
            events.publishEvent(new TaskChanged(taskId, task.row().campaignId(), TaskChanged.Change.PROGRESSED, chain));
        }
        return chain;
    }

    /** Records one indicator's actual value (the demo; tests), with history and audit, and moves the progress. */
    public void recordActual(long taskId, long indicatorId, BigDecimal value) {
        TaskRecord task = tasks.findUnscoped(taskId).orElseThrow(() -> new NotFound("task", taskId));
        IndicatorStore.IndicatorActual indicator = indicators.actuals(taskId).stream().filter(i -> i.id() == indicatorId)
                .findFirst().orElseThrow(() -> new NotFound("indicator", indicatorId));
        setActual(taskId, indicator, value);
        events.publishEvent(new TaskChanged(taskId, task.row().campaignId(), TaskChanged.Change.PROGRESSED,
                recompute(task)));
    }

    /**
     * Sets an indicator's actual from a system source (e.g. the talent desk's figures), not from a report: the history
     * names the source, the audit line is {@code indicator.feed}, and progress moves as with a report.
     * @return the task and its ancestors, nearest first (what needs a new light); empty when the value did not change
     */
    public List<Long> feedActual(long taskId, long indicatorId, BigDecimal value, String source) {
        TaskRecord task = tasks.findUnscoped(taskId).orElseThrow(() -> new NotFound("task", taskId));
        IndicatorStore.IndicatorActual indicator = indicators.actuals(taskId).stream().filter(i -> i.id() == indicatorId)
                .findFirst().orElseThrow(() -> new NotFound("indicator", indicatorId));
        if (indicator.actual() != null && indicator.actual().compareTo(value) == 0) {
            return List.of();
        }
        indicators.setActual(indicator.id(), value);
        tasks.recordChange(taskId, clock.instant(), "系统：" + source, "指标“" + indicator.name() + "”实际值",
                indicator.actual() == null ? null : Progress.plain(indicator.actual()), Progress.plain(value));
        events.publishEvent(new AuditableChange("indicator.feed", "indicator", String.valueOf(indicator.id()),
                indicator.actual(), java.util.Map.of("value", value, "source", source)));
        List<Long> chain = recompute(task);
        events.publishEvent(new TaskChanged(taskId, task.row().campaignId(), TaskChanged.Change.PROGRESSED, chain));
        return chain;
    }

    /** Marks a milestone done on a date, with history and audit. */
    public void completeMilestone(long taskId, long milestoneId, LocalDate doneOn) {
        TaskRecord task = tasks.findUnscoped(taskId).orElseThrow(() -> new NotFound("task", taskId));
        TaskView.MilestoneView milestone = milestones.ofTask(taskId).stream().filter(m -> m.id() == milestoneId)
                .findFirst().orElseThrow(() -> new NotFound("milestone", milestoneId));
        setDone(taskId, milestone, doneOn);
        events.publishEvent(new TaskChanged(taskId, task.row().campaignId(), TaskChanged.Change.PROGRESSED,
                recompute(task)));
    }

    private void setActual(long taskId, IndicatorStore.IndicatorActual indicator, BigDecimal value) {
        indicators.setActual(indicator.id(), value);
        tasks.recordChange(taskId, clock.instant(), TaskService.actor(), "指标“" + indicator.name() + "”实际值",
                indicator.actual() == null ? null : Progress.plain(indicator.actual()), Progress.plain(value));
        events.publishEvent(new AuditableChange("indicator.actual", "indicator", String.valueOf(indicator.id()),
                indicator.actual(), value));
    }

    private void setDone(long taskId, TaskView.MilestoneView milestone, LocalDate doneOn) {
        milestones.setDone(milestone.id(), doneOn);
        tasks.recordChange(taskId, clock.instant(), TaskService.actor(), "节点“" + milestone.title() + "”完成",
                milestone.doneDate() == null ? null : milestone.doneDate().toString(), doneOn.toString());
        events.publishEvent(new AuditableChange("milestone.done", "milestone", String.valueOf(milestone.id()),
                milestone.doneDate(), doneOn));
    }

    /**
     * Recomputes a task's progress and walks up to the root, since a parent's progress is its children's.
     * @return the task and its ancestors, nearest first
     */
    List<Long> recompute(long taskId) {
        return recompute(tasks.findUnscoped(taskId).orElseThrow(() -> new NotFound("task", taskId)));
    }

    private List<Long> recompute(TaskRecord task) {
        List<Long> chain = ancestry(task);
        for (long id : chain) { // nearest first: each parent sees its children's new progress
            rollUpIndicator(id);
            tasks.setProgress(id, progressOf(id).percent());
        }
        return chain;
    }

    private List<Long> ancestry(TaskRecord task) {
        List<Long> chain = new ArrayList<>();
        TaskRecord current = task;
        while (current != null) {
            chain.add(current.row().id());
            Long parent = current.row().parentTaskId();
            current = parent == null ? null : tasks.findUnscoped(parent).orElse(null);
        }
        return chain;
    }

    /**
     * A split amount adds up again: the parent's first indicator moves by the sum of what its subtasks moved
     * (actual − baseline). Rates can't be added, so they are left to the parent's own reports.
     */
    private void rollUpIndicator(long taskId) {
        List<IndicatorStore.IndicatorActual> own = indicators.actuals(taskId);
        if (own.isEmpty() || !SplitCheck.isAdditive(own.get(0).name(), own.get(0).unit())) {
            return;
        }
        IndicatorStore.IndicatorActual first = own.get(0);
        // One aggregate query, so a parent with hundreds of subtasks costs the same to update as one with two.
        BigDecimal moved = indicators.childrenMovement(taskId, first.name());
        if (moved != null) {
            indicators.setActual(first.id(), first.baseline().add(moved));
        }
    }

    Progress.Result progressOf(long taskId) {
        List<TaskView.MilestoneView> taskMilestones = milestones.ofTask(taskId);
        return progressOf(tasks.allChildren(taskId), indicators.indicatorInputs(taskId),
                (int) taskMilestones.stream().filter(m -> m.doneDate() != null).count(), taskMilestones.size());
    }

    /** The progress rule over facts already read (the task view reads them anyway). */
    static Progress.Result progressOf(List<TaskRow> children, List<Progress.IndicatorInput> indicatorInputs,
                                      int milestonesDone, int milestoneCount) {
        Progress.Result own = Progress.ofTask(indicatorInputs, milestonesDone, milestoneCount);
        if (children.isEmpty()) {
            return own;
        }
        // A fresh split must not wipe out what the unit already reported: until a subtask moves, keep its own.
        if (children.stream().allMatch(c -> c.progress().signum() == 0)) {
            List<String> why = new ArrayList<>(own.explanation());
            why.add("已分解为 " + children.size() + " 项子任务，子任务尚无进展，暂按本任务自身进度");
            return new Progress.Result(own.percent(), why);
        }
        return Progress.ofParent(children.stream()
                .map(c -> new Progress.ChildInput(c.title(), c.weight(), c.progress())).toList());
    }

}
