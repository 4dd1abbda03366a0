package org.gongjian.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.AuditableChanges;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates many tasks at once (the workbook import): for each, what {@link TaskService#create} does — the same checks
 * and refusals, the history line, the progress, the audit row and the {@link TaskChanged} event — but the reads
 * shared and the writes batched (the audit rows too, as {@link AuditableChanges}), so the statements sent do not grow
 * with the number of tasks. Creating 10,000 tasks one by one cost ~30 round trips each (issue #18: 88.7 s at county scale).
 */
@Service
@Transactional
public class TaskBatchCreation {

    /** A task to create; {@code parent} is the index in the same list of its parent (an earlier entry), or null. */
    public record NewTask(@Nullable Integer parent, TaskCommand command) {}

    /** Entry {@code index} was refused with {@code reason}, what {@link TaskService#create} would have thrown for it. */
    public static final class Refused extends RuntimeException {

        private final int index;
        private final RuntimeException reason;

        Refused(int index, RuntimeException reason) {
            super(reason.getMessage(), reason);
            this.index = index;
            this.reason = reason;
        }

        public int index() {
            return index;
        }

        public RuntimeException reason() {
            return reason;
        }
    }

    private final TaskBatchStore batch;
    private final TaskStore tasks;
    private final IndicatorStore indicators;
    private final MilestoneStore milestones;
    private final TaskChecks checks;
    private final CampaignService campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskBatchCreation(TaskBatchStore batch, TaskStore tasks, IndicatorStore indicators, MilestoneStore milestones,
                      TaskChecks checks, CampaignService campaigns, ApplicationEventPublisher events, Clock clock) {
        this.batch = batch;
        this.tasks = tasks;
        this.indicators = indicators;
        this.milestones = milestones;
        this.checks = checks;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks every task, then creates them all, or none: the first refusal (in list order) is thrown as
     * {@link Refused} before anything is written.
     * @return the new ids, in list order
     */
    public List<Long> createAll(long campaignId, List<NewTask> newTasks, DataScope scope) {
        return createAll(campaignId, newTasks, scope, null);
    }

    /**
     * As {@link #createAll(long, List, DataScope)}, for a caller that has read, in this same transaction and with
     * {@link #topLevelTitlesTaken}, which of the new top-level titles are taken (the import, which checks each row
     * before it writes): the 1,000-title read is not made twice.
     */
    public List<Long> createAll(long campaignId, List<NewTask> newTasks, DataScope scope,
                                @org.jspecify.annotations.Nullable Set<String> topLevelTitlesTaken) {
        if (newTasks.isEmpty()) {
            return List.of();
        }
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        check(campaign, newTasks, scope, topLevelTitlesTaken);
        List<TaskBatchStore.Row> rows = rows(newTasks);
        Instant now = clock.instant();
        long[] ids = batch.insertTasks(campaignId, rows, now);
        batch.insertDetails(ids, rows);
        batch.recordCreations(ids, rows, now, TaskService.actor());
        List<Long> created = new ArrayList<>(ids.length);
        for (long id : ids) {
            created.add(id);
        }
        // What create publishes for each task: its audit row (the task as it was created; written in batches), then
        // its TaskChanged.
        for (List<Long> slice : TaskBatchStore.slices(created)) {
            List<TaskView> views = createdViews(slice);
            events.publishEvent(new AuditableChanges(views.stream()
                    .map(view -> AuditableChange.created("task", view.id(), view)).toList()));
            for (TaskView view : views) {
                events.publishEvent(new TaskChanged(view.id(), campaignId, TaskChanged.Change.CREATED, List.of(view.id())));
            }
        }
        return created;
    }

    /** Which of these titles top-level tasks of the campaign already carry (the import checks before it writes). */
    @Transactional(readOnly = true)
    public Set<String> topLevelTitlesTaken(long campaignId, java.util.Collection<String> titles) {
        return batch.topLevelTitlesTaken(campaignId, titles);
    }

    /**
     * {@link TaskChecks} for each task (its org reads remembered across the list) and the title rule: no two tasks
     * under the same parent share a title, whether the other one is stored already or earlier in the list.
     */
    private void check(CampaignView campaign, List<NewTask> newTasks, DataScope scope,
                       @org.jspecify.annotations.Nullable Set<String> taken) {
        TaskChecks.Lookups lookups = checks.remembering();
        Set<String> atTop = new HashSet<>(taken != null ? taken : batch.topLevelTitlesTaken(campaign.id(),
                newTasks.stream().filter(t -> t.parent() == null).map(t -> t.command().title().trim()).toList()));
        Map<Integer, Set<String>> underNew = new HashMap<>();
        for (int i = 0; i < newTasks.size(); i++) {
            NewTask task = newTasks.get(i);
            if (task.parent() != null && (task.parent() < 0 || task.parent() >= i)) {
                throw new IllegalArgumentException("task " + i + " names parent " + task.parent() + ", not an earlier task");
            }
            try {
                checks.check(campaign, task.command(), scope, lookups);
                String title = task.command().title().trim();
                Set<String> siblings = task.parent() == null ? atTop
                        : underNew.computeIfAbsent(task.parent(), k -> new HashSet<>());
                if (!siblings.add(title)) {
                    throw new Conflict("duplicate-title", "本清单中已有同名任务“" + title + "”");
                }
            } catch (InvalidInput | DomainException | NotFound e) {
                throw new Refused(i, e);
            }
        }
    }

    /**
     * Each task with the progress one-by-one creation leaves it with: its own (no actuals yet, the milestones given
     * as done), or its subtasks' weighted once one of them has moved — computed from the subtasks up, as
     * {@link TaskProgress} rolls each new subtask up its chain. Fresh tasks have no actuals, so no indicator rolls up.
     */
    private static List<TaskBatchStore.Row> rows(List<NewTask> newTasks) {
        int n = newTasks.size();
        List<List<Integer>> children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Integer parent = newTasks.get(i).parent();
            if (parent != null) {
                children.get(parent).add(i);
            }
        }
        BigDecimal[] progress = new BigDecimal[n];
        for (int i = n - 1; i >= 0; i--) { // subtasks come after their parent: walking back sees them first
            Progress.Result own = CreatedTask.ownProgress(newTasks.get(i).command());
            List<Integer> mine = children.get(i);
            if (mine.isEmpty() || mine.stream().allMatch(c -> progress[c].signum() == 0)) {
                progress[i] = own.percent();
            } else {
                progress[i] = Progress.ofParent(mine.stream().map(c -> new Progress.ChildInput(
                        newTasks.get(c).command().title().trim(),
                        newTasks.get(c).command().weightOrDefault().setScale(2, RoundingMode.HALF_UP), progress[c]))
                        .toList()).percent();
            }
        }
        List<TaskBatchStore.Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new TaskBatchStore.Row(newTasks.get(i).command(), newTasks.get(i).parent(), progress[i]));
        }
        return rows;
    }

    /**
     * The tasks as {@link TaskService#create} audits them: read back in a few statements per slice, as they stood
     * when each was created — no subtasks yet, so their own progress and its explanation.
     */
    private List<TaskView> createdViews(List<Long> ids) {
        Map<Long, List<Long>> cooperating = tasks.cooperatingUnitsOf(ids);
        Map<Long, List<TaskView.IndicatorView>> indicatorsByTask = indicators.ofTasks(ids);
        Map<Long, List<TaskView.MilestoneView>> milestonesByTask = milestones.ofTasks(ids);
        List<TaskView> views = new ArrayList<>(ids.size());
        for (TaskStore.TaskRecord record : tasks.findAllUnscoped(ids)) {
            TaskRow row = record.row();
            long id = row.id();
            List<TaskView.IndicatorView> taskIndicators = indicatorsByTask.getOrDefault(id, List.of());
            List<TaskView.MilestoneView> taskMilestones = milestonesByTask.getOrDefault(id, List.of());
            Progress.Result own = Progress.ofTask(taskIndicators.stream().map(i -> new Progress.IndicatorInput(i.name(),
                    i.baseline(), i.target(), i.actual(), i.direction())).toList(),
                    (int) taskMilestones.stream().filter(m -> m.doneDate() != null).count(), taskMilestones.size());
            views.add(new TaskView(id, row.campaignId(), row.parentTaskId(), row.title(), record.description(),
                    row.category(), row.leadUnitId(), row.leadUnitName(), record.leadLeaderId(), row.leadLeaderName(),
                    cooperating.getOrDefault(id, List.of()), row.weight(), record.dates().start(), row.dueDate(),
                    taskIndicators, taskMilestones, row.light(), record.lightReasons(), own.percent(),
                    own.explanation(), 0, record.version()));
        }
        return views;
    }
}
