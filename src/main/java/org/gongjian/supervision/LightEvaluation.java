package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.LightReasonList;
import org.gongjian.campaign.TaskRow;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.org.OrgService;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates status lights (亮灯): the rules per task, bottom-up roll-up to parents, the light and its reasons stored
 * on the task (through campaign), the light history and the maintained light counts kept here. Writes only on
 * change, so evaluating the same day twice writes nothing.
 */
@Service
@Transactional
public class LightEvaluation {

    private final TaskService tasks;
    private final CampaignService campaigns;
    private final OrgService org;
    private final LightStore store;
    private final ReportFacts reportFacts;
    private final ApplicationEventPublisher events;

    /** A full evaluation of each campaign at least this often (days; 0 = only when its facts change). */
    private final int fullEvery;
    /** Above this share of a campaign's tasks due, a daily run reads the whole campaign (fewer, larger queries). */
    private double wholeCampaignShare = 1.0 / 3;

    LightEvaluation(TaskService tasks, CampaignService campaigns, OrgService org, LightStore store,
                    ReportFacts reportFacts, ApplicationEventPublisher events,
                    @org.springframework.beans.factory.annotation.Value("${gongjian.supervision.full-evaluation-days:7}")
                    int fullEvery) {
        this.fullEvery = fullEvery;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.org = org;
        this.store = store;
        this.reportFacts = reportFacts;
        this.events = events;
    }

    /** What an evaluation did: tasks per light, and how many changed light. */
    public record Summary(LocalDate asOf, int campaigns, int evaluated, int changed, Map<Light, Integer> lights) {

        static Summary empty(LocalDate asOf) {
            Map<Light, Integer> lights = new EnumMap<>(Light.class);
            for (Light l : Light.values()) {
                lights.put(l, 0);
            }
            return new Summary(asOf, 0, 0, 0, lights);
        }

        Summary plus(Summary other) {
            Map<Light, Integer> sum = new EnumMap<>(lights);
            other.lights.forEach((l, n) -> sum.merge(l, n, Integer::sum));
            return new Summary(asOf, campaigns + other.campaigns, evaluated + other.evaluated, changed + other.changed, sum);
        }
    }

    /** Every campaign run by a unit inside the caller's scope (a campaign is the owner unit's to supervise). */
    public Summary evaluateAll(DataScope scope, LocalDate asOf) {
        Summary total = Summary.empty(asOf);
        for (CampaignView campaign : campaigns.campaigns(scope)) {
            boolean owned = scope.isEverything() || org.scopeOf(campaign.ownerUnitId())
                    .map(owner -> scope.covers(owner.path())).orElse(false);
            if (owned) {
                total = total.plus(evaluateCampaign(campaign.id(), asOf));
            }
        }
        events.publishEvent(new AuditableChange("supervision.evaluate", "supervision", scope.unitId() == null
                ? null : String.valueOf(scope.unitId()), null, total));
        return total;
    }

    public Summary evaluateCampaign(long campaignId, LocalDate asOf) {
        return evaluateCampaign(campaignId, asOf, reportFacts);
    }

    /**
     * Every task of the campaign, bottom-up (subtasks, created after their parents and so later in the list, before
     * the parents that roll them up); then the campaign is marked as fully evaluated on {@code asOf}, which the
     * incremental runs after it rely on.
     */
    Summary evaluateCampaign(long campaignId, LocalDate asOf, ReportFacts facts) {
        CampaignView campaign = campaigns.campaign(campaignId, DataScope.everything());
        List<TaskView> all = new ArrayList<>(tasks.tasksForEvaluation(campaignId));
        Map<Long, List<Child>> children = new HashMap<>();
        all.forEach(t -> {
            if (t.parentTaskId() != null) {
                children.computeIfAbsent(t.parentTaskId(), k -> new ArrayList<>()).add(new Child(t.id(), t.title(), t.light()));
            }
        });
        Collections.reverse(all);
        // the stored lights, count keys and reporting facts of the whole campaign read by campaign, not by task id
        Map<Long, ReportingFacts> reporting = facts.forCampaign(campaign, all.stream().map(TaskView::id).toList(), asOf);
        Summary summary = evaluateInOrder(all, campaign, asOf, facts, reporting, store.currentOfCampaign(campaignId),
                store.countedOfCampaign(campaignId), children);
        store.mark(campaignId, new LightStore.Mark(fingerprint(campaign), asOf, asOf));
        tasks.lightsEvaluatedWholeOn(campaignId, asOf);
        return summary;
    }

    /**
     * The daily run: in each campaign only the tasks whose day has come ({@link LightRecheck}), whose facts changed
     * since (a report submitted or returned, an actual fed) or that are new, each with its ancestors (the roll-up).
     * A campaign whose own facts changed (thresholds, reporting dates, the rules' version), which was last run for a
     * later day, or whose last full run is {@code gongjian.supervision.full-evaluation-days} old is evaluated whole.
     */
    public Summary evaluateDue(LocalDate asOf) {
        Summary total = Summary.empty(asOf);
        for (CampaignView campaign : campaigns.campaigns(DataScope.everything())) {
            total = total.plus(evaluateDue(campaign.id(), asOf, reportFacts));
        }
        events.publishEvent(new AuditableChange("supervision.evaluate", "supervision", null, null, total));
        return total;
    }

    /** The daily run of one campaign. */
    Summary evaluateDue(long campaignId, LocalDate asOf) {
        return evaluateDue(campaignId, asOf, reportFacts);
    }

    Summary evaluateDue(long campaignId, LocalDate asOf, ReportFacts facts) {
        CampaignView campaign = campaigns.campaign(campaignId, DataScope.everything());
        String fingerprint = fingerprint(campaign);
        LightStore.Mark mark = store.mark(campaignId).orElse(null);
        if (mark == null || !mark.fingerprint().equals(fingerprint) || asOf.isBefore(mark.evaluatedOn())
                || (fullEvery > 0 && !asOf.isBefore(mark.fullOn().plusDays(fullEvery)))) {
            return evaluateCampaign(campaignId, asOf, facts);
        }
        // run again on the day of the last run: a check date already due then was looked at by it (see sameRecheck)
        boolean again = asOf.equals(mark.evaluatedOn());
        LightStore.Due counted = store.dueOfCampaign(campaignId, again ? null : asOf);
        long all = tasks.taskCountOf(campaignId);
        // every task counted: none is new, the due ones are all; else find the new ones. Equal counts mean every task
        // has its state row only while no state row outlives its task: tasks are never deleted or moved between
        // campaigns, and state rows are written only by evaluations. A future task deletion must delete its state row
        // in the same transaction, or an orphan row would hide a new task from the daily runs until the weekly full
        // run (review of 657aaee, which showed it with an inserted orphan row).
        List<Long> due = counted.counted() == all ? counted.taskIds() : dueWithNew(campaignId, asOf, again);
        if (due.size() > all * wholeCampaignShare) {
            return evaluateCampaign(campaignId, asOf, facts);   // one pass over the campaign is cheaper then
        }
        Summary summary = evaluateWithAncestors(campaign, due, asOf, facts);
        store.mark(campaignId, new LightStore.Mark(fingerprint, asOf, mark.fullOn()));
        tasks.lightsEvaluatedOn(campaignId, asOf);
        return summary;
    }

    /** The due tasks when some have no state row yet (new since the last run): every id and check date read. */
    private List<Long> dueWithNew(long campaignId, LocalDate asOf, boolean again) {
        Map<Long, @Nullable LocalDate> rechecks = store.rechecksOfCampaign(campaignId);
        return tasks.taskIdsOf(campaignId).stream().filter(id -> {
            LocalDate on = rechecks.get(id);
            return on == null || (!again && !on.isAfter(asOf));   // new (no row), a fact changed (null), its day came
        }).toList();
    }

    /**
     * Bumped when the light rules or the stored reasons change, so the first run after an upgrade re-evaluates every
     * task. 2: reasons whose words move by the day are stored as their facts ({@link DatedReason}).
     */
    static final int RULES_VERSION = 2;

    /** What of a campaign its tasks' lights and check dates depend on: its dates, reporting rhythm and thresholds. */
    static String fingerprint(CampaignView c) {
        return CanonicalJson.sha256(String.join("|", "rules" + RULES_VERSION,
                c.startDate().toString(), c.endDate().toString(), c.reportingFrequency().name(),
                String.valueOf(c.reportDeadlineDay()), c.thresholds().toString()));
    }

    /** Re-evaluates one task and then each of its ancestors (after a report or a milestone changed it). */
    public Summary evaluateTask(long taskId, LocalDate asOf) {
        return evaluateChain(ancestry(taskId), asOf, reportFacts);
    }

    /** The task and its ancestors, nearest first. */
    private List<Long> ancestry(long taskId) {
        List<Long> chain = new ArrayList<>();
        Long current = taskId;
        while (current != null) {
            chain.add(current);
            current = tasks.task(current, DataScope.everything()).parentTaskId();
        }
        return chain;
    }

    Summary evaluateTask(long taskId, LocalDate asOf, ReportFacts facts) {
        return evaluateChain(ancestry(taskId), asOf, facts);
    }

    /**
     * Re-evaluates a task and its ancestors ({@code chain}, nearest first) in one pass: the tasks, their reporting
     * facts, their stored lights and the parents' other children are each read once for the whole chain. Only a chain
     * whose first task is already under supervision (has a light) is evaluated: a new task gets its first light from
     * the daily run.
     */
    public Summary evaluateChain(List<Long> chain, LocalDate asOf) {
        return evaluateChain(chain, asOf, reportFacts);
    }

    Summary evaluateChain(List<Long> chain, LocalDate asOf, ReportFacts facts) {
        if (chain.isEmpty()) {
            return new Summary(asOf, 1, 0, 0, Summary.empty(asOf).lights());
        }
        Map<Long, LightStore.OpenPeriod> current = store.current(chain);
        if (!current.containsKey(chain.get(0))) {
            return new Summary(asOf, 1, 0, 0, Summary.empty(asOf).lights());
        }
        Map<Long, TaskView> byId = new HashMap<>();
        var read = tasks.chainForEvaluation(chain);
        read.tasks().forEach(t -> byId.put(t.id(), t));
        CampaignView campaign = campaigns.campaign(byId.get(chain.get(0)).campaignId(), DataScope.everything());
        Map<Long, List<Child>> children = new HashMap<>();
        read.subtasks().forEach((parent, rows) -> children.put(parent, children(rows)));
        Summary summary = evaluateInOrder(chain.stream().map(byId::get).toList(), campaign, asOf, facts, current,
                store.counted(chain), children);
        tasks.lightsEvaluatedOn(chain, asOf);   // their lights are asOf's: so are their words, before the day's run
        return summary;
    }

    /** The given tasks and all their ancestors, read in slices, evaluated bottom-up. */
    private Summary evaluateWithAncestors(CampaignView campaign, List<Long> due, LocalDate asOf, ReportFacts facts) {
        Map<Long, TaskView> byId = new HashMap<>();
        java.util.Set<Long> asked = new java.util.HashSet<>();
        List<Long> wanted = due;
        while (!wanted.isEmpty()) {
            asked.addAll(wanted);
            sliced(wanted, tasks::tasksForEvaluation).forEach(t -> byId.put(t.id(), t));
            wanted = byId.values().stream().map(TaskView::parentTaskId)
                    .filter(p -> p != null && !asked.contains(p)).distinct().map(p -> (long) p).toList();
        }
        Map<Long, Integer> depth = new HashMap<>();
        for (TaskView t : byId.values()) {
            int d = 0;
            for (Long p = t.parentTaskId(); p != null && byId.containsKey(p); p = byId.get(p).parentTaskId()) {
                d++;
            }
            depth.put(t.id(), d);
        }
        List<TaskView> bottomUp = byId.values().stream()
                .sorted(java.util.Comparator.comparing((TaskView t) -> -depth.get(t.id()))
                        .thenComparing(t -> -t.id()))
                .toList();
        List<Long> ids = bottomUp.stream().map(TaskView::id).toList();
        Map<Long, LightStore.OpenPeriod> current = new HashMap<>();
        Map<Long, LightStore.State> counted = new HashMap<>();
        for (int from = 0; from < ids.size(); from += SLICE) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + SLICE));
            current.putAll(store.current(slice));
            counted.putAll(store.counted(slice));
        }
        // the children of the tasks that have any (half of a daily run's were leaves, each one probe of the subtasks)
        return evaluateInOrder(bottomUp, campaign, asOf, facts, current, counted,
                childrenOf(bottomUp.stream().filter(t -> t.subtaskCount() > 0).map(TaskView::id).toList()));
    }

    /** PostgreSQL binds at most 65,535 parameters in one statement: id lists go in slices of this size. */
    private static final int SLICE = 10_000;

    private static <T> List<T> sliced(List<Long> ids, java.util.function.Function<List<Long>, List<T>> read) {
        List<T> all = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += SLICE) {
            all.addAll(read.apply(ids.subList(from, Math.min(ids.size(), from + SLICE))));
        }
        return all;
    }

    /** A subtask as its parent's roll-up sees it: the light stored on it, unless this pass computes a new one. */
    private record Child(long id, String title, @Nullable Light stored) {}

    private Map<Long, List<Child>> childrenOf(List<Long> parentIds) {
        Map<Long, List<Child>> children = new HashMap<>();
        for (int from = 0; from < parentIds.size(); from += SLICE) {
            tasks.subtaskLightsOf(parentIds.subList(from, Math.min(parentIds.size(), from + SLICE)))
                    .forEach((parent, rows) -> children.put(parent, rows.stream()
                            .map(r -> new Child(r.id(), r.title(), r.light())).toList()));
        }
        return children;
    }

    private static List<Child> children(List<org.gongjian.campaign.TaskRow> rows) {
        return rows.stream().map(r -> new Child(r.id(), r.title(), r.light())).toList();
    }

    /** The rules, the roll-up and the writes for tasks given children first; one batch of writes at the end. */
    private Summary evaluateInOrder(List<TaskView> bottomUp, CampaignView campaign, LocalDate asOf, ReportFacts facts,
                                    Map<Long, LightStore.OpenPeriod> current, Map<Long, LightStore.State> counted,
                                    Map<Long, List<Child>> children) {
        return evaluateInOrder(bottomUp, campaign, asOf, facts,
                facts.forReadTasks(bottomUp, asOf), current, counted, children);
    }

    private Summary evaluateInOrder(List<TaskView> bottomUp, CampaignView campaign, LocalDate asOf, ReportFacts facts,
                                    Map<Long, ReportingFacts> reporting, Map<Long, LightStore.OpenPeriod> current,
                                    Map<Long, LightStore.State> counted, Map<Long, List<Child>> children) {
        LocalDate reportingChange = facts.nextChange(campaign, asOf);
        Map<Long, Light> computed = new HashMap<>();
        Summary summary = new Summary(asOf, 1, 0, 0, Summary.empty(asOf).lights());
        Pending pending = new Pending();
        for (TaskView task : bottomUp) {
            TaskFacts taskFacts = TaskFacts.of(task, campaign);
            LightVerdict own = LightRules.evaluate(taskFacts, reporting.getOrDefault(task.id(), ReportingFacts.none()),
                    campaign.thresholds(), asOf);
            LightVerdict verdict = LightRules.rollUp(own, children.getOrDefault(task.id(), List.of()).stream()
                    .map(c -> new LightRules.ChildLight(c.title(), computed.getOrDefault(c.id(), c.stored()))).toList());
            computed.put(task.id(), verdict.light());
            LocalDate recheck = LightRecheck.next(taskFacts, own, campaign.thresholds(), asOf, reportingChange);
            summary = count(summary, verdict.light(), apply(task, verdict, asOf, current.get(task.id()),
                    counted.get(task.id()), recheck == null ? LightStore.NEVER : recheck, pending));
        }
        write(pending);
        return summary;
    }

    /**
     * What a full evaluation on {@code asOf} would store on each task of the campaign, computed from the facts
     * without writing anything: the yardstick the incremental runs are tested against.
     */
    @Transactional(readOnly = true)
    Map<Long, LightVerdict> verdictsOfCampaign(long campaignId, LocalDate asOf) {
        CampaignView campaign = campaigns.campaign(campaignId, DataScope.everything());
        List<TaskView> all = new ArrayList<>(tasks.tasksForEvaluation(campaignId));
        Map<Long, ReportingFacts> reporting = reportFacts.forTasks(all.stream().map(TaskView::id).toList(), asOf);
        Map<Long, List<TaskView>> children = new HashMap<>();
        all.stream().filter(t -> t.parentTaskId() != null)
                .forEach(t -> children.computeIfAbsent(t.parentTaskId(), k -> new ArrayList<>()).add(t));
        Collections.reverse(all);
        Map<Long, LightVerdict> verdicts = new LinkedHashMap<>();
        for (TaskView task : all) {
            LightVerdict own = LightRules.evaluate(TaskFacts.of(task, campaign),
                    reporting.getOrDefault(task.id(), ReportingFacts.none()), campaign.thresholds(), asOf);
            verdicts.put(task.id(), LightRules.rollUp(own, children.getOrDefault(task.id(), List.of()).stream()
                    .map(c -> new LightRules.ChildLight(c.title(), verdicts.get(c.id()).light())).toList()));
        }
        return verdicts;
    }

    /** A fact of these tasks changed outside an evaluation: the next daily run looks at them again. */
    public void factsChanged(java.util.Collection<Long> taskIds) {
        store.factsChanged(taskIds);
    }

    private static Summary count(Summary summary, Light light, boolean changed) {
        Map<Light, Integer> lights = new EnumMap<>(summary.lights());
        lights.merge(light, 1, Integer::sum);
        return new Summary(summary.asOf(), summary.campaigns(), summary.evaluated() + 1,
                summary.changed() + (changed ? 1 : 0), lights);
    }

    /**
     * Stores one given verdict for a task (tests that drive the counts through many changes); it is looked at again
     * the next day.
     * @return whether the light changed
     */
    boolean apply(TaskView task, LightVerdict verdict, LocalDate asOf) {
        List<Long> one = List.of(task.id());
        Pending pending = new Pending();
        boolean changed = apply(task, verdict, asOf, store.current(one).get(task.id()), store.counted(one).get(task.id()),
                asOf.plusDays(1), pending);
        write(pending);
        return changed;
    }

    /** The writes an evaluation collects as it goes: history and counts (supervision's), lights on the tasks. */
    private record Pending(LightStore.Writes store, List<TaskService.LightUpdate> lights, List<LightChanged> changed) {
        Pending() {
            this(new LightStore.Writes(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * The task rows first, nearest first (descending id: a subtask is always created after its ancestors), then the
     * history and the counts: the order an approval takes them in (its task chain, leaf first, then the re-light's
     * counts). The other way round, a run that had taken a unit's count row and then waited for a task an approval
     * had locked, while that approval waited for the count row, deadlocked. Then the light changes are published: a
     * few one {@link LightChanged} each, more in chunks ({@link LightsChanged}), each chunk one publication to record
     * and handle after commit instead of one per task.
     */
    private void write(Pending pending) {
        List<TaskService.LightUpdate> lights = new ArrayList<>(pending.lights());
        lights.sort(java.util.Comparator.comparingLong(TaskService.LightUpdate::taskId).reversed());
        tasks.applyLights(lights);
        store.write(pending.store());
        if (pending.changed().size() <= LightsChanged.FEW) {
            pending.changed().forEach(events::publishEvent);
        } else {
            LightsChanged.chunked(pending.changed()).forEach(events::publishEvent);
        }
    }

    /**
     * Stores a verdict: on the task (light + reasons, through campaign), a new history period when the light changed,
     * the task's count moved when its light, lead unit or category differs from what the counts hold, and its next
     * check when that moved.
     * @return whether the light changed
     */
    private boolean apply(TaskView task, LightVerdict verdict, LocalDate asOf, LightStore.@Nullable OpenPeriod current,
                          LightStore.@Nullable State counted, LocalDate recheck, Pending pending) {
        boolean changed = false;
        if (current == null || current.light() != verdict.light()) {
            if (current != null) {
                pending.store().close(current.id(), asOf.isBefore(current.since()) ? current.since() : asOf);
            }
            pending.store().open(task.id(), task.campaignId(), verdict.light(), verdict.reasons(), asOf);
            changed = true;
        }
        var key = new LightStore.CountKey(task.campaignId(), task.leadUnitId(), task.category(),
                task.parentTaskId() == null, verdict.light());
        if (counted == null || !counted.key().equals(key)) {
            pending.store().move(task.id(), counted, key, recheck);
        } else if (!sameRecheck(recheck, counted.recheckOn(), asOf)) {
            pending.store().recheck(task.id(), counted, recheck);
        }
        // the lines as stored, not one day's words: a reason of facts stays the same row while the words move
        if (task.light() != verdict.light() || !LightReasonList.stored(task.lightReasons()).equals(verdict.lines())) {
            pending.lights().add(new TaskService.LightUpdate(task.id(), task.light(), verdict.light(), verdict.lines()));
        }
        if (changed) {
            pending.changed().add(new LightChanged(task.id(), task.title(), task.campaignId(), task.leadUnitId(),
                    current == null ? null : current.light(), verdict.light(), verdict.reasons(), asOf));
        }
        return changed;
    }

    /**
     * Whether the stored check date picks the task on the same later days as the new one: equal, or both due by the
     * next day. A task behind plan or with a milestone due is looked at daily; moving its date a day each day was a
     * write of ~35,000 state rows a day for a campaign with plans (an indexed column: no HOT update). A run for an
     * earlier day is a full one and a run again on the same day skips such dates, so only days after {@code asOf}
     * count. A cleared date (a fact changed) is always written over.
     */
    static boolean sameRecheck(LocalDate next, @Nullable LocalDate stored, LocalDate asOf) {
        LocalDate tomorrow = asOf.plusDays(1);
        return next.equals(stored) || stored != null && !stored.isAfter(tomorrow) && !next.isAfter(tomorrow);
    }

    /** A period of one light in a task's history; {@code until} null = still holds. */
    public record LightPeriod(Light light, List<String> reasons, LocalDate since, @org.jspecify.annotations.Nullable LocalDate until) {}

    /** A task's light history, newest first (the caller has checked the task is in scope). */
    @Transactional(readOnly = true)
    public List<LightPeriod> history(long taskId, int limit) {
        return store.history(taskId, limit).stream()
                .map(p -> new LightPeriod(p.light(), p.reasons(), p.since(), p.until())).toList();
    }

    public record LightTally(Map<Light, Long> lights, long total) {}

    public record UnitCount(long unitId, String unitName, LightTally tally) {}

    public record CategoryCount(String category, LightTally tally) {}

    public record LightCounts(long campaignId, boolean topLevelOnly, List<UnitCount> byUnit, List<CategoryCount> byCategory) {}

    /**
     * Tasks per light by lead unit and by category, read from the maintained counts: O(units), not O(tasks).
     * Every task counts once, under the unit that leads it, so a township's shares of county tasks show under the
     * township; {@code topLevelOnly} keeps the campaign's own list (no task counted with its subtasks twice).
     */
    @Transactional(readOnly = true)
    public LightCounts counts(long campaignId, DataScope scope, boolean topLevelOnly) {
        campaigns.campaign(campaignId, scope);
        Map<Long, UnitCount> byUnit = new LinkedHashMap<>();
        Map<String, Map<Light, Long>> byCategory = new LinkedHashMap<>();
        Map<Long, Map<Light, Long>> unitLights = new LinkedHashMap<>();
        Map<Long, String> unitNames = new HashMap<>();
        for (LightStore.CountRow row : store.counts(campaignId, scope)) {
            if (topLevelOnly && !row.topLevel()) {
                continue;
            }
            unitNames.put(row.unitId(), row.unitName());
            unitLights.computeIfAbsent(row.unitId(), k -> zeros()).merge(row.light(), row.tasks(), Long::sum);
            byCategory.computeIfAbsent(row.category(), k -> zeros()).merge(row.light(), row.tasks(), Long::sum);
        }
        unitLights.forEach((unit, lights) -> byUnit.put(unit, new UnitCount(unit, unitNames.get(unit), tally(lights))));
        return new LightCounts(campaignId, topLevelOnly, List.copyOf(byUnit.values()), byCategory.entrySet().stream()
                .map(e -> new CategoryCount(e.getKey(), tally(e.getValue()))).toList());
    }

    private static Map<Light, Long> zeros() {
        Map<Light, Long> lights = new EnumMap<>(Light.class);
        for (Light l : Light.values()) {
            lights.put(l, 0L);
        }
        return lights;
    }

    private static LightTally tally(Map<Light, Long> lights) {
        return new LightTally(lights, lights.values().stream().mapToLong(Long::longValue).sum());
    }
}
