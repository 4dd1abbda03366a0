package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput.FieldProblem;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tasks of a campaign: create, change (with history), decompose to lower units, progress and its roll-up. */
@Service
@Transactional
public class TaskService {

    private final TaskStore tasks;
    private final TaskQueries queries;
    private final TaskChecks checks;
    private final CampaignStore campaignStore;
    private final CampaignService campaigns;
    private final OrgService org;
    private final TaskProgress progress;
    private final TaskLightReasons reasons;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskService(TaskStore tasks, TaskQueries queries, TaskChecks checks, CampaignStore campaignStore, CampaignService campaigns,
                OrgService org, TaskProgress progress, TaskLightReasons reasons, ApplicationEventPublisher events,
                Clock clock) {
        this.tasks = tasks;
        this.reasons = reasons;
        this.queries = queries;
        this.progress = progress;
        this.checks = checks;
        this.campaignStore = campaignStore;
        this.campaigns = campaigns;
        this.org = org;
        this.events = events;
        this.clock = clock;
    }

    public record Decomposition(List<TaskView> subtasks, List<String> warnings) {}

    @Transactional(readOnly = true)
    public TaskView task(long id, DataScope scope) {
        return queries.task(id, scope);
    }

    /**
     * The task as far as a progress report needs it: row, indicators, milestones; no trajectory points, cooperating
     * units or progress explanation (empty in the view). Three statements instead of five.
     */
    @Transactional(readOnly = true)
    public TaskView taskForReporting(long id, DataScope scope) {
        return queries.forReporting(id, scope);
    }

    @Transactional(readOnly = true)
    public PageResult<TaskRow> tasks(long campaignId, TaskFilter filter, DataScope scope, PageQuery page) {
        return queries.tasks(campaignId, filter, scope, page);
    }

    /** The tasks a leader is 包保 for (lead leader) in a campaign, within the scope, paged. */
    @Transactional(readOnly = true)
    public PageResult<TaskRow> tasksOfLeadLeader(long campaignId, long personId, DataScope scope, PageQuery page) {
        return queries.tasksOfLeadLeader(campaignId, personId, scope, page);
    }

    /** The parent of a subtask, when the caller may see it (a township sees its share, not always the county task). */
    @Transactional(readOnly = true)
    public @Nullable TaskRow subtaskParent(long parentId, DataScope scope) {
        return queries.subtaskParent(parentId, scope);
    }

    /** Tasks a unit itself leads in a campaign (not its sub-units'), in full: what its pledge is made of. */
    @Transactional(readOnly = true)
    public List<TaskView> tasksLedBy(long campaignId, long unitId, DataScope scope) {
        return queries.tasksLedBy(campaignId, unitId, scope);
    }

    /** Units leading tasks in a campaign within the scope, with how many tasks each leads. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> leadUnits(long campaignId, DataScope scope) {
        return queries.leadUnits(campaignId, scope);
    }

    @Transactional(readOnly = true)
    public List<CategorySummary> summary(long campaignId, DataScope scope) {
        return queries.summary(campaignId, scope);
    }

    @Transactional(readOnly = true)
    public List<TaskRow> subtasks(long taskId, DataScope scope) {
        return queries.subtasks(taskId, scope);
    }

    @Transactional(readOnly = true)
    public List<TaskChange> history(long taskId, DataScope scope) {
        return queries.history(taskId, scope);
    }

    /**
     * Streams the matching tasks in creation order (every parent before its subtasks) with their cooperating units,
     * indicators and milestones, for the xlsx export; the progress explanation is left empty.
     */
    @Transactional(readOnly = true)
    public void eachParentFirst(long campaignId, TaskFilter filter, DataScope scope, java.util.function.Consumer<TaskView> consumer) {
        queries.eachParentFirst(campaignId, filter, scope, consumer);
    }

    /** The higher-level task this one carries down, when the caller may see it. */
    @Transactional(readOnly = true)
    public @Nullable TaskRow source(long taskId, DataScope scope) {
        return queries.source(taskId, scope);
    }

    /**
     * Every task of a campaign with its indicators, trajectories and milestones, parents before their subtasks, for
     * supervision's light evaluation. Unscoped: the caller checks the campaign against the caller's scope. The
     * progress explanation is left empty (evaluation needs the facts, not the prose).
     */
    @Transactional(readOnly = true)
    public List<TaskView> tasksForEvaluation(long campaignId) {
        return queries.tasksForEvaluation(campaignId);
    }

    /**
     * The given tasks (unscoped) with indicators, trajectories and milestones, in four queries whatever their number:
     * what one task's light and its ancestors' need. Progress explanations are left empty.
     */
    @Transactional(readOnly = true)
    public List<TaskView> tasksForEvaluation(java.util.Collection<Long> taskIds) {
        return queries.tasksForEvaluation(taskIds);
    }

    /**
     * A task chain (a task and its ancestors, nearest first; unscoped) as {@link #tasksForEvaluation(java.util.Collection)}
     * gives it, with the subtasks of each ancestor (as rows): what re-lighting the chain reads,
     * its tasks and their subtasks in one query (issue #18: an approval's re-light read its task twice, once as the
     * chain's first task and once as its parent's subtask).
     */
    @Transactional(readOnly = true)
    public TaskChainForEvaluation chainForEvaluation(List<Long> chain) {
        return queries.chainForEvaluation(chain);
    }

    /** The ids of every task of a campaign (unscoped; supervision finds the ones it has not evaluated yet). */
    @Transactional(readOnly = true)
    public List<Long> taskIdsOf(long campaignId) {
        return tasks.idsOf(campaignId);
    }

    /**
     * How many tasks a campaign has (unscoped), from the maintained tally: supervision's daily run tells by it whether
     * any task is new since its last run without reading every id.
     */
    @Transactional(readOnly = true)
    public long taskCountOf(long campaignId) {
        return tasks.countOf(campaignId);
    }

    /** The subtasks of each given task (unscoped; supervision's roll-up), in one query. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, List<SubtaskLight>> subtaskLightsOf(java.util.Collection<Long> parentIds) {
        return queries.subtaskLightsOf(parentIds);
    }

    Clock clock() {
        return clock;
    }

    public TaskView create(long campaignId, TaskCommand command, DataScope scope) {
        return create(campaignId, null, command, scope);
    }

    /** Creates a task, or a subtask of {@code parentId} (the workbook import places subtasks under their rows). */
    public TaskView create(long campaignId, @Nullable Long parentId, TaskCommand command, DataScope scope) {
        return create(campaigns.campaign(campaignId, scope), parentId, command, scope, checks.remembering());
    }

    /**
     * The task is answered and audited as built from what was inserted ({@link CreatedTask}), not read back, and its
     * own progress goes in with it: only a subtask's ancestors are recomputed. The check's org reads are remembered
     * in {@code lookups}, which a split shares across its shares.
     */
    private TaskView create(CampaignView campaign, @Nullable Long parentId, TaskCommand command, DataScope scope,
                            TaskChecks.Lookups lookups) {
        checks.check(campaign, command, scope, lookups);
        String title = command.title().trim();
        if (tasks.titleTaken(campaign.id(), parentId, title, null)) {
            throw new Conflict("duplicate-title", "本清单中已有同名任务“" + title + "”");
        }
        java.time.Instant now = clock.instant();
        TaskStore.Inserted inserted = tasks.insert(campaign.id(), parentId, command,
                CreatedTask.ownProgress(command).percent(), now);
        long id = inserted.id();
        tasks.recordChange(id, now, actor(), "创建", null, title);
        if (parentId != null) {
            progress.recompute(parentId); // the new subtask's progress reaches its parent and up
        }
        TaskChecks.Names names = checks.names(campaign, command, scope, lookups);
        TaskView created = CreatedTask.view(campaign.id(), parentId, command, inserted, names.leadUnit(), names.leadLeader());
        events.publishEvent(AuditableChange.created("task", id, created));
        events.publishEvent(new TaskChanged(id, campaign.id(), TaskChanged.Change.CREATED, List.of(id)));
        return created;
    }

    public TaskView update(long id, int version, TaskCommand command, DataScope scope) {
        TaskView before = ledTask(id, scope);
        CampaignView campaign = campaigns.campaign(before.campaignId(), scope);
        checks.check(campaign, command, scope);
        checks.checkTreeDates(before, command);
        if (tasks.titleTaken(before.campaignId(), before.parentTaskId(), command.title().trim(), id)) {
            throw new Conflict("duplicate-title", "本清单中已有同名任务“" + command.title().trim() + "”");
        }
        if (!tasks.update(id, version, command, clock.instant())) {
            throw new Conflict("stale", "该任务已被他人修改，请刷新后重试");
        }
        List<Long> chain = progress.recompute(id);
        TaskView after = queries.view(tasks.findUnscoped(id).orElseThrow());
        TaskHistory.diff(before, after).forEach(ch ->
                tasks.recordChange(id, clock.instant(), actor(), ch.field(), ch.before(), ch.after()));
        events.publishEvent(AuditableChange.updated("task", id, before, after));
        events.publishEvent(new TaskChanged(id, after.campaignId(), TaskChanged.Change.EDITED, chain));
        return after;
    }

    /**
     * 承接: copies the higher-level campaign's tasks led by this campaign's unit (or below it) into this campaign,
     * once each, remembering the source so the copy can be split further down.
     * @return the number of tasks carried down now
     */
    public int carryDown(long campaignId, DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        if (campaign.parentCampaignId() == null) {
            throw InvalidInput.of("parentCampaignId", "本攻坚行动没有承接上级攻坚行动");
        }
        int carried = 0;
        PageResult<TaskRow> page;
        int number = 0;
        do {
            page = tasks.search(campaign.parentCampaignId(), new TaskFilter(null, null, campaign.ownerUnitId(), null,
                    false, false), scope, new PageQuery(number++, PageQuery.MAX_SIZE));
            for (TaskRow row : page.items()) {
                // Only the higher campaign's shares for this unit itself; their own splits stay where they are.
                if (row.leadUnitId() == campaign.ownerUnitId() && !tasks.carried(campaignId, row.id())) {
                    carryOne(campaign, task(row.id(), scope), scope);
                    carried++;
                }
            }
        } while (page.hasNext());
        return carried;
    }

    private void carryOne(CampaignView campaign, TaskView source, DataScope scope) {
        if (!campaignStore.categories(campaign.id()).contains(source.category())) {
            campaignStore.addCategory(campaign.id(), source.category());
            events.publishEvent(new AuditableChange("campaign.category.add", "campaign", String.valueOf(campaign.id()),
                    null, source.category()));
        }
        CampaignView current = campaigns.campaign(campaign.id(), scope);
        java.time.LocalDate due = source.dueDate().isAfter(current.endDate()) ? current.endDate() : source.dueDate();
        String title = tasks.titleTaken(current.id(), null, source.title(), null)
                ? source.title() + "（承接）" : source.title();
        TaskCommand copy = new TaskCommand(title, source.description(), source.category(), source.leadUnitId(), null,
                null, source.weight(), source.startDate().isBefore(current.startDate()) ? current.startDate() : source.startDate(),
                due, source.indicators().stream().map(i -> new TaskCommand.IndicatorInput(null, i.name(), i.unit(),
                        i.baseline(), i.target(), i.direction())).toList(),
                source.milestones().stream().filter(m -> !m.dueDate().isAfter(due))
                        .map(m -> new TaskCommand.MilestoneInput(null, m.title(), m.dueDate(), m.doneDate())).toList());
        TaskView created = create(current.id(), null, copy, scope);
        tasks.setSource(created.id(), source.id());
        tasks.recordChange(created.id(), clock.instant(), actor(), "承接", null, "承接上级任务“" + source.title() + "”");
    }

    public Decomposition decompose(long parentId, List<SubtaskCommand> shares, DataScope scope) {
        if (shares.isEmpty()) {
            throw InvalidInput.of("subtasks", "请至少填写一项分解");
        }
        TaskQueries.SplitParent split = queries.splitParent(parentId, scope);
        TaskRow parent = split.task().row();
        // one read of the lead unit: ledTask's scope check and the split's base (was two reads of the same row)
        UnitView lead = org.unit(parent.leadUnitId(), DataScope.everything());
        if (!scope.covers(lead.path())) {
            throw new NotFound("task", parentId);
        }
        IndicatorStore.IndicatorFigures first = split.first();
        UnitView base = lead.kind() == UnitKind.DEPARTMENT && lead.parentId() != null
                ? org.unit(lead.parentId(), DataScope.everything()) : lead;
        CampaignView campaign = campaigns.campaign(parent.campaignId(), scope);
        TaskChecks.Lookups lookups = checks.remembering(); // each share's lead unit read once, here and in its check
        List<TaskView> created = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            SubtaskCommand share = shares.get(i);
            if (!lookups.unit(share.leadUnitId(), scope).path().startsWith(base.path())) {
                throw new InvalidInput("第" + (i + 1) + "项的承接单位不在" + base.name() + "之下",
                        List.of(new FieldProblem("[" + i + "].leadUnitId", null,
                                "分解只能分给" + base.name() + "的下级单位")));
            }
            // each create rolls its new subtask up the chain, the parent included: no second pass over the parent
            created.add(create(campaign, parentId, share.toTask(i, split, shares.size()), scope, lookups));
        }
        // one statement for all siblings' first targets (was two per sibling: the 9th subtask read 18 times)
        List<String> warnings = first == null ? List.of() : SplitCheck.warnings(first.name(), first.unit(),
                first.target(), first.direction(), queries.childrenFirstTargets(parentId));
        tasks.recordChange(parentId, clock.instant(), actor(), "分解", null,
                "分解为 " + created.size() + " 项子任务" + (warnings.isEmpty() ? "" : "；" + String.join("；", warnings)));
        return new Decomposition(created, warnings);
    }

    /** Changing a task needs its lead unit in scope: a cooperating unit sees the task but does not own it. */
    private TaskView ledTask(long id, DataScope scope) {
        TaskView task = task(id, scope);
        if (!org.scopeOf(task.leadUnitId()).map(lead -> scope.covers(lead.path())).orElse(false)) {
            throw new NotFound("task", id);
        }
        return task;
    }

    /** Records an indicator's actual value (the demo; tests): see {@link TaskProgress#recordActual}. */
    public void recordActual(long taskId, long indicatorId, BigDecimal value) {
        progress.recordActual(taskId, indicatorId, value);
    }

    /** Marks a milestone done on a date: see {@link TaskProgress#completeMilestone}. */
    public void completeMilestone(long taskId, long milestoneId, java.time.LocalDate doneOn) {
        progress.completeMilestone(taskId, milestoneId, doneOn);
    }

    /**
     * Stores the light supervision computed, with its reasons (亮灯理由), on the task: the copy the task list filters
     * and counts by. Writes (and audits) only when the light or its reasons changed, so evaluating the same day twice
     * writes nothing. {@code before} is the light the caller read with the task.
     * @return whether anything changed
     */
    public boolean applyLight(long taskId, @Nullable Light before, Light light, List<String> reasons) {
        return applyLights(List.of(new LightUpdate(taskId, before, light, reasons)))[0];
    }

    /**
     * The day supervision evaluated a campaign's lights for (a whole or a daily run): the stored reasons are read in
     * that day's words, so they agree with the lights ({@link TaskReasons}).
     */
    public void lightsEvaluatedOn(long campaignId, java.time.LocalDate day) {
        reasons.evaluatedOn(campaignId, day);
    }

    /**
     * The day a re-light of these tasks (a chain, after an approval or an edit) evaluated them for: their reasons are
     * read in that day's words while their campaign's day is earlier ({@link TaskReasons}).
     */
    public void lightsEvaluatedOn(List<Long> taskIds, java.time.LocalDate day) {
        reasons.evaluatedOn(taskIds, day);
    }

    /**
     * A whole evaluation of the campaign for {@code day}: its reasons are read in that day's words
     * ({@link #lightsEvaluatedOn(long, java.time.LocalDate)}), those of tasks a re-light dated later too, as their
     * lights are that day's now (a run for a past day after an approval today).
     */
    public void lightsEvaluatedWholeOn(long campaignId, java.time.LocalDate day) {
        reasons.evaluatedOn(campaignId, day);
        reasons.wholeRunOn(campaignId, day);
    }

    /** One task's light as supervision computed it; {@code before} is the light read with the task. */
    public record LightUpdate(long taskId, @Nullable Light before, Light light, List<String> reasons) {}

    /**
     * {@link #applyLight} for a whole evaluation at once: batched writes, and the same audit row per changed light,
     * written as a batch too ({@link org.gongjian.shared.AuditableChanges}): a first evaluation of 100,000 new tasks
     * was 100,000 single audit inserts. Only a task whose light moved is written to; the reasons go to their own
     * narrow rows ({@link TaskLightReasons}), so a day that only rewords them leaves the task rows alone.
     * @return per update, in order, whether its light or its reasons changed
     */
    public boolean[] applyLights(List<LightUpdate> updates) {
        List<LightUpdate> moved = updates.stream().filter(u -> u.before() != u.light()).toList();
        boolean[] lit = tasks.setLights(moved);
        boolean[] changed = reasons.write(updates);
        List<AuditableChange> audited = new java.util.ArrayList<>();
        java.util.Set<Long> litIds = new java.util.HashSet<>();
        for (int i = 0; i < moved.size(); i++) {
            LightUpdate u = moved.get(i);
            if (lit[i]) {
                litIds.add(u.taskId());
                audited.add(new AuditableChange("task.light", "task", String.valueOf(u.taskId()), u.before(), u.light()));
            }
        }
        for (int i = 0; i < updates.size(); i++) {
            changed[i] |= litIds.contains(updates.get(i).taskId());
        }
        if (audited.size() == 1) {
            events.publishEvent(audited.get(0));
        } else if (!audited.isEmpty()) {
            events.publishEvent(new org.gongjian.shared.AuditableChanges(audited));
        }
        return changed;
    }

    static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }
}
