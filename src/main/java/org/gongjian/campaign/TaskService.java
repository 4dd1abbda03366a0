package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gongjian.campaign.TaskStore.TaskRecord;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.InvalidInput.FieldProblem;
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
    private final TaskChecks checks;
    private final CampaignStore campaignStore;
    private final CampaignService campaigns;
    private final OrgService org;
    private final TaskProgress progress;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskService(TaskStore tasks, TaskChecks checks, CampaignStore campaignStore, CampaignService campaigns,
                OrgService org, TaskProgress progress, ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
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
        return view(tasks.find(id, scope).orElseThrow(() -> new NotFound("task", id)));
    }

    @Transactional(readOnly = true)
    public PageResult<TaskRow> tasks(long campaignId, TaskFilter filter, DataScope scope, PageQuery page) {
        campaigns.campaign(campaignId, scope);
        return tasks.search(campaignId, filter, scope, page);
    }

    /** The parent of a subtask, when the caller may see it (a township sees its share, not always the county task). */
    @Transactional(readOnly = true)
    public @Nullable TaskRow subtaskParent(long parentId, DataScope scope) {
        return tasks.find(parentId, scope).map(TaskRecord::row).orElse(null);
    }

    Clock clock() {
        return clock;
    }

    /** Tasks a unit itself leads in a campaign (not its sub-units'), in full: what its pledge is made of. */
    @Transactional(readOnly = true)
    public List<TaskView> tasksLedBy(long campaignId, long unitId, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        List<TaskView> led = new ArrayList<>();
        tasks.each(campaignId, new TaskFilter(null, null, unitId, null, false, false), scope, record -> {
            if (record.row().leadUnitId() == unitId) {
                led.add(view(record));
            }
        });
        return led;
    }

    /** Units leading tasks in a campaign within the scope, with how many tasks each leads. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> leadUnits(long campaignId, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        java.util.Map<Long, String> units = new java.util.TreeMap<>();
        tasks.each(campaignId, new TaskFilter(null, null, null, null, false, false), scope,
                record -> units.put(record.row().leadUnitId(), record.row().leadUnitName()));
        return units;
    }

    @Transactional(readOnly = true)
    public List<CategorySummary> summary(long campaignId, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        return tasks.summary(campaignId, scope);
    }

    @Transactional(readOnly = true)
    public List<TaskRow> subtasks(long taskId, DataScope scope) {
        task(taskId, scope);
        return tasks.children(taskId, scope);
    }

    @Transactional(readOnly = true)
    public List<TaskChange> history(long taskId, DataScope scope) {
        task(taskId, scope);
        return tasks.history(taskId);
    }

    public TaskView create(long campaignId, TaskCommand command, DataScope scope) {
        return create(campaignId, null, command, scope);
    }

    TaskView create(long campaignId, @Nullable Long parentId, TaskCommand command, DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        checks.check(campaign, command, scope);
        if (tasks.titleTaken(campaignId, parentId, command.title().trim(), null)) {
            throw new Conflict("duplicate-title", "本清单中已有同名任务“" + command.title().trim() + "”");
        }
        long id = tasks.insert(campaignId, parentId, command, clock.instant());
        tasks.recordChange(id, clock.instant(), actor(), "创建", null, command.title().trim());
        progress.recompute(id);
        TaskView created = view(tasks.findUnscoped(id).orElseThrow());
        events.publishEvent(AuditableChange.created("task", id, created));
        events.publishEvent(new TaskChanged(id, campaignId, TaskChanged.Change.CREATED, List.of(id)));
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
        TaskView after = view(tasks.findUnscoped(id).orElseThrow());
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

    /** The higher-level task this one carries down, when the caller may see it. */
    @Transactional(readOnly = true)
    public @Nullable TaskRow source(long taskId, DataScope scope) {
        Long source = tasks.sourceOf(taskId);
        return source == null ? null : tasks.find(source, scope).map(TaskRecord::row).orElse(null);
    }

    public Decomposition decompose(long parentId, List<SubtaskCommand> shares, DataScope scope) {
        if (shares.isEmpty()) {
            throw InvalidInput.of("subtasks", "请至少填写一项分解");
        }
        TaskView parent = ledTask(parentId, scope);
        TaskView.IndicatorView first = parent.indicators().isEmpty() ? null : parent.indicators().get(0);
        UnitView lead = org.unit(parent.leadUnitId(), scope);
        UnitView base = lead.kind() == UnitKind.DEPARTMENT && lead.parentId() != null
                ? org.unit(lead.parentId(), DataScope.everything()) : lead;
        List<TaskView> created = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            SubtaskCommand share = shares.get(i);
            if (!org.unit(share.leadUnitId(), scope).path().startsWith(base.path())) {
                throw new InvalidInput("第" + (i + 1) + "项的承接单位不在" + base.name() + "之下",
                        List.of(new FieldProblem("[" + i + "].leadUnitId", null,
                                "分解只能分给" + base.name() + "的下级单位")));
            }
            if (first != null && share.target() == null) {
                throw new InvalidInput("第" + (i + 1) + "项缺少分解目标",
                        List.of(new FieldProblem("[" + i + "].target", null, "请填写“" + first.name() + "”的分解目标")));
            }
            if (share.dueDate() != null && share.dueDate().isAfter(parent.dueDate())) {
                throw new InvalidInput("第" + (i + 1) + "项完成时限晚于上级任务",
                        List.of(new FieldProblem("[" + i + "].dueDate", null, "分解任务的完成时限不能晚于上级任务的 " + parent.dueDate())));
            }
            created.add(create(parent.campaignId(), parentId, subtaskCommand(parent, first, share, shares.size()), scope));
        }
        progress.recompute(parentId);
        List<String> warnings = first == null ? List.of() : SplitCheck.warnings(first.name(), first.unit(),
                first.target(), first.direction(), tasks.allChildren(parentId).stream()
                        .map(child -> tasks.indicators(child.id()).stream().findFirst()
                                .map(TaskView.IndicatorView::target).orElse(BigDecimal.ZERO)).toList());
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

    private TaskCommand subtaskCommand(TaskView parent, TaskView.@Nullable IndicatorView first, SubtaskCommand share,
                                       int shareCount) {
        List<TaskCommand.IndicatorInput> indicators = first == null ? List.of()
                : List.of(new TaskCommand.IndicatorInput(null, first.name(), first.unit(),
                share.baseline() != null ? share.baseline() : shareBaseline(first, Objects.requireNonNull(share.target()), shareCount),
                Objects.requireNonNull(share.target()), first.direction()));
        return new TaskCommand(share.title(), null, parent.category(), share.leadUnitId(), share.leadLeaderId(), null,
                BigDecimal.ONE, parent.startDate(), share.dueDate() != null ? share.dueDate() : parent.dueDate(),
                indicators, List.of());
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
     * Every task of a campaign with its indicators, trajectories and milestones, parents before their subtasks, for
     * supervision's light evaluation. Unscoped: the caller checks the campaign against the caller's scope. The
     * progress explanation is left empty (evaluation needs the facts, not the prose).
     */
    @Transactional(readOnly = true)
    public List<TaskView> tasksForEvaluation(long campaignId) {
        var indicators = tasks.indicatorsOfCampaign(campaignId);
        var milestones = tasks.milestonesOfCampaign(campaignId);
        List<TaskView> all = new ArrayList<>();
        tasks.eachParentFirst(campaignId, new TaskFilter(null, null, null, null, false, false), DataScope.everything(),
                record -> all.add(evaluationView(record, indicators, milestones)));
        return all;
    }

    /**
     * The given tasks (unscoped) with indicators, trajectories and milestones, in four queries whatever their number:
     * what one task's light and its ancestors' need. Progress explanations are left empty.
     */
    @Transactional(readOnly = true)
    public List<TaskView> tasksForEvaluation(java.util.Collection<Long> taskIds) {
        var records = tasks.findAllUnscoped(taskIds);
        var indicators = tasks.indicatorsOf(taskIds);
        var milestones = tasks.milestonesOf(taskIds);
        return records.stream().map(record -> evaluationView(record, indicators, milestones)).toList();
    }

    private static TaskView evaluationView(TaskRecord record, java.util.Map<Long, List<TaskView.IndicatorView>> indicators,
                                           java.util.Map<Long, List<TaskView.MilestoneView>> milestones) {
        TaskRow row = record.row();
        return new TaskView(row.id(), row.campaignId(), row.parentTaskId(), row.title(), record.description(),
                row.category(), row.leadUnitId(), row.leadUnitName(), record.leadLeaderId(), row.leadLeaderName(),
                List.of(), row.weight(), record.dates().start(), row.dueDate(), indicators.getOrDefault(row.id(), List.of()),
                milestones.getOrDefault(row.id(), List.of()), row.light(), record.lightReasons(), row.progress(), List.of(),
                row.subtaskCount(), record.version());
    }

    /**
     * Stores the light supervision computed, with its reasons (亮灯理由), on the task: the copy the task list filters
     * and counts by. Writes (and audits) only when the light or its reasons changed, so evaluating the same day twice
     * writes nothing. {@code before} is the light the caller read with the task.
     * @return whether anything changed
     */
    public boolean applyLight(long taskId, @Nullable Light before, Light light, List<String> reasons) {
        if (!tasks.setLight(taskId, light, reasons)) {
            return false;
        }
        if (before != light) {
            events.publishEvent(new AuditableChange("task.light", "task", String.valueOf(taskId), before, light));
        }
        return true;
    }

    /** The subtasks of each given task (unscoped; supervision's roll-up), in one query. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, List<TaskRow>> subtasksOf(java.util.Collection<Long> parentIds) {
        java.util.Map<Long, List<TaskRow>> byParent = new java.util.HashMap<>();
        tasks.childrenOf(parentIds).forEach(c -> byParent.computeIfAbsent(Objects.requireNonNull(c.parentTaskId()),
                k -> new ArrayList<>()).add(c));
        return byParent;
    }

    /**
     * A share's starting point when none is given: rates keep the parent's baseline; amounts to grow start from 0;
     * amounts to cut (发案数, 能耗) start from the parent's baseline in proportion to the share.
     */
    private static BigDecimal shareBaseline(TaskView.IndicatorView parent, BigDecimal target, int shareCount) {
        if (!SplitCheck.isAdditive(parent.name(), parent.unit())) {
            return parent.baseline();
        }
        if (parent.direction() == Direction.HIGHER_IS_BETTER) {
            return BigDecimal.ZERO;
        }
        if (parent.target().signum() == 0) {
            return parent.baseline().divide(BigDecimal.valueOf(shareCount), 2, java.math.RoundingMode.HALF_UP);
        }
        return parent.baseline().multiply(target).divide(parent.target(), 2, java.math.RoundingMode.HALF_UP);
    }

    private TaskView view(TaskRecord record) {
        TaskRow row = record.row();
        Progress.Result progress = this.progress.progressOf(row.id());
        return new TaskView(row.id(), row.campaignId(), row.parentTaskId(), row.title(), record.description(),
                row.category(), row.leadUnitId(), row.leadUnitName(), record.leadLeaderId(), row.leadLeaderName(),
                tasks.cooperatingUnits(row.id()), row.weight(), record.dates().start(), row.dueDate(),
                tasks.indicators(row.id()), tasks.milestones(row.id()), row.light(), record.lightReasons(), row.progress(),
                progress.explanation(), row.subtaskCount(), record.version());
    }

    static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }
}
