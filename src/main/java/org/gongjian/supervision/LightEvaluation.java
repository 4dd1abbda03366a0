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
import org.gongjian.campaign.TaskRow;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.org.OrgService;
import org.gongjian.shared.AuditableChange;
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

    LightEvaluation(TaskService tasks, CampaignService campaigns, OrgService org, LightStore store,
                    ReportFacts reportFacts, ApplicationEventPublisher events) {
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

    /** Bottom-up: subtasks (created after their parents, so later in the list) before the parents that roll them up. */
    Summary evaluateCampaign(long campaignId, LocalDate asOf, ReportFacts facts) {
        CampaignView campaign = campaigns.campaign(campaignId, DataScope.everything());
        List<TaskView> all = new ArrayList<>(tasks.tasksForEvaluation(campaignId));
        Map<Long, ReportingFacts> reporting = facts.forTasks(all.stream().map(TaskView::id).toList(), asOf);
        Map<Long, List<TaskView>> children = new HashMap<>();
        all.forEach(t -> {
            if (t.parentTaskId() != null) {
                children.computeIfAbsent(t.parentTaskId(), k -> new ArrayList<>()).add(t);
            }
        });
        Collections.reverse(all);
        // the stored lights and count keys of the whole campaign in two queries, not two per task
        Map<Long, LightStore.Period> current = store.currentOfCampaign(campaignId);
        Map<Long, LightStore.CountKey> counted = store.countedOfCampaign(campaignId);
        Map<Long, Light> computed = new HashMap<>();
        Summary summary = new Summary(asOf, 1, 0, 0, Summary.empty(asOf).lights());
        Pending pending = new Pending();
        for (TaskView task : all) {
            LightVerdict own = LightRules.evaluate(TaskFacts.of(task, campaign),
                    reporting.getOrDefault(task.id(), ReportingFacts.none()), campaign.thresholds(), asOf);
            LightVerdict verdict = LightRules.rollUp(own, children.getOrDefault(task.id(), List.of()).stream()
                    .map(c -> new LightRules.ChildLight(c.title(), computed.get(c.id()))).toList());
            computed.put(task.id(), verdict.light());
            summary = count(summary, verdict.light(), apply(task, verdict, asOf, current.get(task.id()),
                    counted.get(task.id()), pending));
        }
        write(pending);
        return summary;
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
        Summary summary = new Summary(asOf, 1, 0, 0, Summary.empty(asOf).lights());
        if (chain.isEmpty()) {
            return summary;
        }
        Map<Long, LightStore.Period> current = store.current(chain);
        if (!current.containsKey(chain.get(0))) {
            return summary;
        }
        Map<Long, TaskView> byId = new HashMap<>();
        tasks.tasksForEvaluation(chain).forEach(t -> byId.put(t.id(), t));
        CampaignView campaign = campaigns.campaign(byId.get(chain.get(0)).campaignId(), DataScope.everything());
        Map<Long, ReportingFacts> reporting = facts.forTasks(chain, asOf);
        Map<Long, List<TaskRow>> children = tasks.subtasksOf(chain.subList(1, chain.size()));
        Map<Long, LightStore.CountKey> counted = store.counted(chain);
        Map<Long, Light> computed = new HashMap<>();
        Pending pending = new Pending();
        for (long id : chain) {
            TaskView task = byId.get(id);
            LightVerdict own = LightRules.evaluate(TaskFacts.of(task, campaign),
                    reporting.getOrDefault(id, ReportingFacts.none()), campaign.thresholds(), asOf);
            LightVerdict verdict = LightRules.rollUp(own, children.getOrDefault(id, List.of()).stream()
                    .map(c -> new LightRules.ChildLight(c.title(), computed.getOrDefault(c.id(), c.light()))).toList());
            computed.put(id, verdict.light());
            summary = count(summary, verdict.light(), apply(task, verdict, asOf, current.get(id), counted.get(id),
                    pending));
        }
        write(pending);
        return summary;
    }

    private static Summary count(Summary summary, Light light, boolean changed) {
        Map<Light, Integer> lights = new EnumMap<>(summary.lights());
        lights.merge(light, 1, Integer::sum);
        return new Summary(summary.asOf(), summary.campaigns(), summary.evaluated() + 1,
                summary.changed() + (changed ? 1 : 0), lights);
    }

    /**
     * Stores a verdict: on the task (light + reasons, through campaign), a new history period when the light changed,
     * and the task's count moved when its light, lead unit or category differs from what the counts hold.
     * @return whether the light changed
     */
    boolean apply(TaskView task, LightVerdict verdict, LocalDate asOf) {
        List<Long> one = List.of(task.id());
        Pending pending = new Pending();
        boolean changed = apply(task, verdict, asOf, store.current(one).get(task.id()), store.counted(one).get(task.id()),
                pending);
        write(pending);
        return changed;
    }

    /** The writes an evaluation collects as it goes: history and counts (supervision's), lights on the tasks. */
    private record Pending(LightStore.Writes store, List<TaskService.LightUpdate> lights) {
        Pending() {
            this(new LightStore.Writes(), new ArrayList<>());
        }
    }

    private void write(Pending pending) {
        store.write(pending.store());
        tasks.applyLights(pending.lights());
    }

    private boolean apply(TaskView task, LightVerdict verdict, LocalDate asOf, LightStore.@Nullable Period current,
                          LightStore.@Nullable CountKey counted, Pending pending) {
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
        if (counted == null || !counted.equals(key)) {
            pending.store().move(task.id(), counted, key);
        }
        if (task.light() != verdict.light() || !task.lightReasons().equals(verdict.reasons())) {
            pending.lights().add(new TaskService.LightUpdate(task.id(), task.light(), verdict.light(), verdict.reasons()));
        }
        if (changed) {
            events.publishEvent(new LightChanged(task.id(), task.title(), task.campaignId(), task.leadUnitId(),
                    current == null ? null : current.light(), verdict.light(), verdict.reasons(), asOf));
        }
        return changed;
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
