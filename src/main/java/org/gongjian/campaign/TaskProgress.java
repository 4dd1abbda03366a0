package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        ProgressChain chain = chain(taskId);
        boolean changed = false;
        for (IndicatorStore.IndicatorFigures indicator : chain.indicators(taskId)) {
            BigDecimal value = reported.actuals().get(indicator.id());
            if (value != null && (indicator.actual() == null || indicator.actual().compareTo(value) != 0)) {
                setActual(chain, indicator, value);
                changed = true;
            }
        }
        for (TaskView.MilestoneView milestone : chain.milestones(taskId)) {
            LocalDate doneOn = reported.milestonesDone().get(milestone.id());
            if (doneOn != null && milestone.doneDate() == null) {
                setDone(chain, milestone, doneOn);
                changed = true;
            }
        }
        if (changed) {
            recompute(chain);
            events.publishEvent(new TaskChanged(taskId, chain.campaignId(), TaskChanged.Change.PROGRESSED, chain.ids()));
        }
        return chain.ids();
    }

    /** Records one indicator's actual value (the demo; tests), with history and audit, and moves the progress. */
    public void recordActual(long taskId, long indicatorId, BigDecimal value) {
        ProgressChain chain = chain(taskId);
        setActual(chain, indicator(chain, indicatorId), value);
        recompute(chain);
        events.publishEvent(new TaskChanged(taskId, chain.campaignId(), TaskChanged.Change.PROGRESSED, chain.ids()));
    }

    /**
     * Sets an indicator's actual from a system source (e.g. the talent desk's figures), not from a report: the history
     * names the source, the audit line is {@code indicator.feed}, and progress moves as with a report.
     * @return the task and its ancestors, nearest first (what needs a new light); empty when the value did not change
     */
    public List<Long> feedActual(long taskId, long indicatorId, BigDecimal value, String source) {
        ProgressChain chain = chain(taskId);
        IndicatorStore.IndicatorFigures indicator = indicator(chain, indicatorId);
        if (indicator.actual() != null && indicator.actual().compareTo(value) == 0) {
            return List.of();
        }
        indicators.setActual(indicator.id(), value);
        chain.actualSet(indicator, value);
        tasks.recordChange(taskId, clock.instant(), "系统：" + source, "指标“" + indicator.name() + "”实际值",
                indicator.actual() == null ? null : Progress.plain(indicator.actual()), Progress.plain(value));
        events.publishEvent(new AuditableChange("indicator.feed", "indicator", String.valueOf(indicator.id()),
                indicator.actual(), java.util.Map.of("value", value, "source", source)));
        recompute(chain);
        events.publishEvent(new TaskChanged(taskId, chain.campaignId(), TaskChanged.Change.PROGRESSED, chain.ids()));
        return chain.ids();
    }

    /** Marks a milestone done on a date, with history and audit. */
    public void completeMilestone(long taskId, long milestoneId, LocalDate doneOn) {
        ProgressChain chain = chain(taskId);
        TaskView.MilestoneView milestone = chain.milestones(taskId).stream().filter(m -> m.id() == milestoneId)
                .findFirst().orElseThrow(() -> new NotFound("milestone", milestoneId));
        setDone(chain, milestone, doneOn);
        recompute(chain);
        events.publishEvent(new TaskChanged(taskId, chain.campaignId(), TaskChanged.Change.PROGRESSED, chain.ids()));
    }

    private static IndicatorStore.IndicatorFigures indicator(ProgressChain chain, long indicatorId) {
        return chain.indicators(chain.taskId()).stream().filter(i -> i.id() == indicatorId)
                .findFirst().orElseThrow(() -> new NotFound("indicator", indicatorId));
    }

    private void setActual(ProgressChain chain, IndicatorStore.IndicatorFigures indicator, BigDecimal value) {
        indicators.setActual(indicator.id(), value);
        chain.actualSet(indicator, value);
        tasks.recordChange(indicator.taskId(), clock.instant(), TaskService.actor(), "指标“" + indicator.name() + "”实际值",
                indicator.actual() == null ? null : Progress.plain(indicator.actual()), Progress.plain(value));
        events.publishEvent(new AuditableChange("indicator.actual", "indicator", String.valueOf(indicator.id()),
                indicator.actual(), value));
    }

    private void setDone(ProgressChain chain, TaskView.MilestoneView milestone, LocalDate doneOn) {
        long taskId = chain.taskId();
        milestones.setDone(milestone.id(), doneOn);
        chain.milestoneDone(taskId, milestone, doneOn);
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
        ProgressChain chain = chain(taskId);
        recompute(chain);
        return chain.ids();
    }

    /**
     * The task and its ancestors, locked (see {@link TaskStore#lockChain}) before any of their figures is read, with
     * their indicators and milestones: four statements however deep the chain.
     */
    private ProgressChain chain(long taskId) {
        List<Long> ids = tasks.ancestry(taskId);
        if (ids.isEmpty()) {
            throw new NotFound("task", taskId);
        }
        return new ProgressChain(ids, tasks.lockChain(ids), indicators.figuresOf(ids), milestones.ofTasks(ids));
    }

    /**
     * Nearest first, so each parent sees its children's new progress: the split amount adds up again, then the
     * progress rule runs over the figures in memory; only a figure that moved is written.
     */
    private void recompute(ProgressChain chain) {
        List<Long> ids = chain.ids();
        Map<Long, List<TaskStore.ChildProgress>> children = new HashMap<>(tasks.childProgress(ids));
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            List<TaskStore.ChildProgress> own = children.getOrDefault(id, List.of());
            if (!own.isEmpty()) {
                rollUpIndicator(chain, id);
            }
            List<TaskView.MilestoneView> taskMilestones = chain.milestones(id);
            BigDecimal percent = progressOf(own.stream().map(TaskStore.ChildProgress::input).toList(),
                    chain.indicators(id).stream().map(IndicatorStore.IndicatorFigures::input).toList(),
                    (int) taskMilestones.stream().filter(m -> m.doneDate() != null).count(), taskMilestones.size())
                    .percent();
            BigDecimal stored = chain.storedProgress(id);
            if (stored == null || stored.compareTo(percent) != 0) {
                tasks.setProgress(id, percent);
            }
            if (i + 1 < ids.size()) { // the parent's rule reads this task's new progress
                List<TaskStore.ChildProgress> siblings = new ArrayList<>(children.getOrDefault(ids.get(i + 1), List.of()));
                siblings.replaceAll(c -> c.id() == id ? new TaskStore.ChildProgress(c.id(), c.title(), c.weight(), percent) : c);
                children.put(ids.get(i + 1), siblings);
            }
        }
    }

    /**
     * A split amount adds up again: the parent's first indicator moves by the sum of what its subtasks moved
     * (actual − baseline). Rates can't be added, so they are left to the parent's own reports.
     */
    private void rollUpIndicator(ProgressChain chain, long taskId) {
        List<IndicatorStore.IndicatorFigures> own = chain.indicators(taskId);
        if (own.isEmpty() || !SplitCheck.isAdditive(own.get(0).name(), own.get(0).unit())) {
            return;
        }
        IndicatorStore.IndicatorFigures first = own.get(0);
        // One aggregate query, so a parent with hundreds of subtasks costs the same to update as one with two.
        BigDecimal moved = indicators.childrenMovement(taskId, first.name());
        if (moved != null) {
            BigDecimal rolled = first.baseline().add(moved);
            if (first.actual() == null || first.actual().compareTo(rolled) != 0) {
                indicators.setActual(first.id(), rolled);
                chain.actualSet(first, rolled);
            }
        }
    }

    /** A task's progress as the rule computes it from what is stored now (the reference the task view is checked against). */
    Progress.Result progressOf(long taskId) {
        List<TaskView.MilestoneView> taskMilestones = milestones.ofTask(taskId);
        return progressOf(tasks.childProgress(List.of(taskId)).getOrDefault(taskId, List.of()).stream()
                        .map(TaskStore.ChildProgress::input).toList(), indicators.indicatorInputs(taskId),
                (int) taskMilestones.stream().filter(m -> m.doneDate() != null).count(), taskMilestones.size());
    }

    /** The progress rule over facts already read (the task view reads them anyway). */
    static Progress.Result progressOf(List<Progress.ChildInput> children, List<Progress.IndicatorInput> indicatorInputs,
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
        return Progress.ofParent(children);
    }

}
