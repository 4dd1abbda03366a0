package org.gongjian.campaign;

import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.TaskStore.TaskRecord;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The read side of {@link TaskService}: tasks as views (with indicators, milestones and the progress explanation),
 * pages, summaries, and the facts supervision evaluates. Scoped like {@link TaskStore}; transactions are the service's.
 */
@Component
class TaskQueries {

    /** Tasks whose details one read of {@link #eachParentFirst} fetches (the IN lists bind this many ids). */
    static final int DETAILS_PER_READ = 500;

    private final TaskStore tasks;
    private final IndicatorStore indicators;
    private final MilestoneStore milestones;
    private final CampaignService campaigns;
    private final TaskReasons reasons;

    TaskQueries(TaskStore tasks, IndicatorStore indicators, MilestoneStore milestones, CampaignService campaigns,
                TaskReasons reasons) {
        this.reasons = reasons;
        this.tasks = tasks;
        this.indicators = indicators;
        this.milestones = milestones;
        this.campaigns = campaigns;
    }

    TaskView task(long id, DataScope scope) {
        return view(tasks.find(id, scope).orElseThrow(() -> new NotFound("task", id)));
    }

    /**
     * A task as far as its reports need it (the lead unit, dates, indicators and milestones to check a report
     * against): its row, its indicators and its milestones, three reads instead of a view's five (issue #18). The
     * view's trajectories, cooperating units and progress explanation are left empty.
     */
    TaskView forReporting(long id, DataScope scope) {
        TaskStore.TaskRecord record = tasks.find(id, scope).orElseThrow(() -> new NotFound("task", id));
        return view(record, List.of(), indicators.withoutTrajectories(id), milestones.ofTask(id), List.of());
    }

    /** A task to split, as far as a split needs it: its row and its first indicator (two reads, not a view's five). */
    record SplitParent(TaskStore.TaskRecord task, IndicatorStore.@Nullable IndicatorFigures first) {}

    SplitParent splitParent(long id, DataScope scope) {
        TaskStore.TaskRecord task = tasks.find(id, scope).orElseThrow(() -> new NotFound("task", id));
        List<IndicatorStore.IndicatorFigures> own = indicators.figuresOf(List.of(id)).getOrDefault(id, List.of());
        return new SplitParent(task, own.isEmpty() ? null : own.get(0));
    }

    PageResult<TaskRow> tasks(long campaignId, TaskFilter filter, DataScope scope, PageQuery page) {
        campaigns.campaign(campaignId, scope);
        return tasks.search(campaignId, filter, scope, page);
    }

    PageResult<TaskRow> tasksOfLeadLeader(long campaignId, long personId, DataScope scope, PageQuery page) {
        campaigns.campaign(campaignId, scope);
        return tasks.ofLeadLeader(campaignId, personId, scope, page);
    }

    @Nullable TaskRow subtaskParent(long parentId, DataScope scope) {
        return tasks.find(parentId, scope).map(TaskRecord::row).orElse(null);
    }

    List<TaskView> tasksLedBy(long campaignId, long unitId, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        List<TaskView> led = new ArrayList<>();
        tasks.each(campaignId, new TaskFilter(null, null, unitId, null, false, false), scope, record -> {
            if (record.row().leadUnitId() == unitId) {
                led.add(view(record));
            }
        });
        return led;
    }

    java.util.Map<Long, String> leadUnits(long campaignId, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        java.util.Map<Long, String> units = new java.util.TreeMap<>();
        tasks.each(campaignId, new TaskFilter(null, null, null, null, false, false), scope,
                record -> units.put(record.row().leadUnitId(), record.row().leadUnitName()));
        return units;
    }

    List<CategorySummary> summary(long campaignId, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        return tasks.summary(campaignId, scope);
    }

    List<TaskRow> subtasks(long taskId, DataScope scope) {
        task(taskId, scope);
        return tasks.children(taskId, scope);
    }

    List<TaskChange> history(long taskId, DataScope scope) {
        task(taskId, scope);
        return tasks.history(taskId);
    }

    /**
     * The tasks stream from a cursor; their cooperating units, indicators and milestones are read for
     * {@value #DETAILS_PER_READ} tasks at a time (a few statements per slice, not four per task), so at most one slice
     * of views is in memory whatever the list size.
     */
    void eachParentFirst(long campaignId, TaskFilter filter, DataScope scope, java.util.function.Consumer<TaskView> consumer) {
        List<TaskRecord> slice = new ArrayList<>(DETAILS_PER_READ);
        tasks.eachParentFirst(campaignId, filter, scope, record -> {
            slice.add(record);
            if (slice.size() == DETAILS_PER_READ) {
                withDetails(slice, consumer);
                slice.clear();
            }
        });
        withDetails(slice, consumer);
    }

    private void withDetails(List<TaskRecord> records, java.util.function.Consumer<TaskView> consumer) {
        List<Long> ids = records.stream().map(r -> r.row().id()).toList();
        var cooperating = tasks.cooperatingUnitsOf(ids);
        var indicatorsByTask = indicators.ofTasks(ids);
        var milestonesByTask = milestones.ofTasks(ids);
        for (TaskRecord record : records) {
            long id = record.row().id();
            consumer.accept(view(record, cooperating.getOrDefault(id, List.of()),
                    indicatorsByTask.getOrDefault(id, List.of()), milestonesByTask.getOrDefault(id, List.of()), List.of()));
        }
    }

    @Nullable TaskRow source(long taskId, DataScope scope) {
        Long source = tasks.sourceOf(taskId);
        return source == null ? null : tasks.find(source, scope).map(TaskRecord::row).orElse(null);
    }

    List<TaskView> tasksForEvaluation(long campaignId) {
        var indicatorsByTask = indicators.ofCampaign(campaignId);
        var milestonesByTask = milestones.ofCampaign(campaignId);
        List<TaskView> all = new ArrayList<>();
        tasks.eachParentFirst(campaignId, new TaskFilter(null, null, null, null, false, false), DataScope.everything(),
                record -> all.add(evaluationView(record, indicatorsByTask, milestonesByTask)));
        return all;
    }

    List<TaskView> tasksForEvaluation(java.util.Collection<Long> taskIds) {
        var records = tasks.findAllUnscoped(taskIds);
        var indicatorsByTask = indicators.ofTasks(taskIds);
        var milestonesByTask = milestones.ofTasks(taskIds);
        return records.stream().map(record -> evaluationView(record, indicatorsByTask, milestonesByTask)).toList();
    }

    /** See {@link TaskService#chainForEvaluation}. */
    TaskChainForEvaluation chainForEvaluation(List<Long> chain) {
        List<Long> parents = chain.subList(Math.min(1, chain.size()), chain.size());
        var records = tasks.findAllWithSubtasks(chain, parents);
        var indicatorsByTask = indicators.ofTasks(chain);
        var milestonesByTask = milestones.ofTasks(chain);
        java.util.Set<Long> inChain = new java.util.HashSet<>(chain);
        java.util.Set<Long> parentSet = new java.util.HashSet<>(parents);
        List<TaskView> views = new ArrayList<>();
        java.util.Map<Long, List<TaskRow>> subtasks = new java.util.HashMap<>();
        for (TaskRecord record : records) {   // in id order: each parent's subtasks in id order
            if (inChain.contains(record.row().id())) {
                views.add(evaluationView(record, indicatorsByTask, milestonesByTask));
            }
            Long parent = record.row().parentTaskId();
            if (parent != null && parentSet.contains(parent)) {
                subtasks.computeIfAbsent(parent, k -> new ArrayList<>()).add(record.row());
            }
        }
        return new TaskChainForEvaluation(views, subtasks);
    }

    private TaskView evaluationView(TaskRecord record, java.util.Map<Long, List<TaskView.IndicatorView>> indicators,
                                           java.util.Map<Long, List<TaskView.MilestoneView>> milestones) {
        long id = record.row().id();
        return view(record, List.of(), indicators.getOrDefault(id, List.of()), milestones.getOrDefault(id, List.of()),
                List.of());
    }

    java.util.Map<Long, List<SubtaskLight>> subtaskLightsOf(java.util.Collection<Long> parentIds) {
        java.util.Map<Long, List<SubtaskLight>> byParent = new java.util.HashMap<>();
        tasks.subtaskLightsOf(parentIds).forEach(c -> byParent.computeIfAbsent(c.parentTaskId(),
                k -> new ArrayList<>()).add(c));
        return byParent;
    }

    List<TaskView.IndicatorView> indicators(long taskId) {
        return indicators.ofTask(taskId);
    }

    /** Each subtask's first indicator target, in subtask id order (see {@link IndicatorStore#childrenFirstTargets}). */
    List<java.math.BigDecimal> childrenFirstTargets(long parentId) {
        return indicators.childrenFirstTargets(parentId);
    }

    TaskView view(TaskRecord record) {
        long id = record.row().id();
        List<TaskView.IndicatorView> indicatorViews = indicators.ofTask(id);
        List<TaskView.MilestoneView> milestoneViews = milestones.ofTask(id);
        return view(record, tasks.cooperatingUnits(id), indicatorViews, milestoneViews,
                progressOf(record.row().subtaskCount() == 0 ? List.of() : tasks.childProgress(List.of(id))
                        .getOrDefault(id, List.of()).stream().map(TaskStore.ChildProgress::input).toList(),
                        indicatorViews, milestoneViews).explanation());
    }

    /** {@link TaskProgress#progressOf}'s rule over the indicators and milestones the view has read anyway (issue #18). */
    static Progress.Result progressOf(List<Progress.ChildInput> children, List<TaskView.IndicatorView> indicatorViews,
                                      List<TaskView.MilestoneView> milestoneViews) {
        return TaskProgress.progressOf(children, indicatorViews.stream().map(i -> new Progress.IndicatorInput(i.name(),
                        i.baseline(), i.target(), i.actual(), i.direction())).toList(),
                (int) milestoneViews.stream().filter(m -> m.doneDate() != null).count(), milestoneViews.size());
    }

    private TaskView view(TaskRecord record, List<Long> cooperatingUnits, List<TaskView.IndicatorView> indicators,
                                 List<TaskView.MilestoneView> milestones, List<String> explanation) {
        TaskRow row = record.row();
        return new TaskView(row.id(), row.campaignId(), row.parentTaskId(), row.title(), record.description(),
                row.category(), row.leadUnitId(), row.leadUnitName(), record.leadLeaderId(), row.leadLeaderName(),
                cooperatingUnits, row.weight(), record.dates().start(), row.dueDate(), indicators, milestones,
                row.light(), reasons.on(record.lightReasons(), record.reasonsOn()), row.progress(), explanation, row.subtaskCount(), record.version());
    }
}
