package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office's red/yellow list: totals, then the tasks holding the light grouped by lead unit or category (or one
 * paged list), sorted by how long they have held it or by how many reasons they have, each with its reasons and the
 * day it turned.
 */
@Controller
class LightListController {

    static final int PAGE_SIZE = 20;

    private final CampaignService campaigns;
    private final TaskService tasks;
    private final LightStore store;
    private final Clock clock;

    LightListController(CampaignService campaigns, TaskService tasks, LightStore store, Clock clock) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.store = store;
        this.clock = clock;
    }

    /** One task on the list; {@code days} since the light turned on {@code since}. */
    record Entry(long taskId, String title, long leadUnitId, String leadUnitName, String category, List<String> reasons,
                 LocalDate since, long days) {
        int severity() {
            return reasons.size();
        }
    }

    /** A unit's or a category's tasks on the list. */
    record Group(String name, List<Entry> entries, long longestDays) {}

    enum Grouping { UNIT, CATEGORY, NONE }

    enum Order { DAYS, SEVERITY }

    @GetMapping("/supervision/lights")
    @Transactional(readOnly = true)
    String list(@RequestParam(required = false) @Nullable Long campaignId,
                @RequestParam(defaultValue = "RED") Light light,
                @RequestParam(defaultValue = "UNIT") Grouping group,
                @RequestParam(defaultValue = "DAYS") Order sort,
                @RequestParam(required = false) @Nullable Integer page, DataScope scope, Model model) {
        List<CampaignView> visible = campaigns.campaigns(scope);
        Long chosen = campaignId != null ? campaignId : campaigns.current(scope).map(CampaignView::id).orElse(null);
        List<Entry> entries = List.of();
        Map<Light, Long> totals = Map.of();
        if (chosen != null) {
            long id = campaigns.campaign(chosen, scope).id();
            entries = sorted(entries(id, light, scope), sort);
            totals = store.holdingCounts(id, scope);
        }
        model.addAttribute("campaigns", visible);
        model.addAttribute("campaignId", chosen);
        model.addAttribute("light", light);
        model.addAttribute("group", group);
        model.addAttribute("sort", sort);
        model.addAttribute("groupings", Grouping.values());
        model.addAttribute("orders", Order.values());
        model.addAttribute("entries", entries);
        model.addAttribute("red", totals.getOrDefault(Light.RED, 0L));
        model.addAttribute("yellow", totals.getOrDefault(Light.YELLOW, 0L));
        model.addAttribute("units", entries.stream().map(Entry::leadUnitId).distinct().count());
        model.addAttribute("longest", entries.stream().mapToLong(Entry::days).max().orElse(0));
        if (group == Grouping.NONE) {
            PageQuery query = PageQuery.of(page, PAGE_SIZE);
            model.addAttribute("pageResult", PageResult.of(entries.stream().skip(query.offset()).limit(query.size())
                    .toList(), entries.size(), query));
            model.addAttribute("groups", List.of());
        } else {
            model.addAttribute("groups", groups(entries, group == Grouping.UNIT ? Entry::leadUnitName : Entry::category));
        }
        return "supervision/lights";
    }

    private List<Entry> entries(long campaignId, Light light, DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        List<LightStore.Period> holding = store.holding(campaignId, light, scope);
        Map<Long, TaskView> byId = new LinkedHashMap<>();
        if (!holding.isEmpty()) {
            tasks.tasksForEvaluation(holding.stream().map(LightStore.Period::taskId).toList())
                    .forEach(t -> byId.put(t.id(), t));
        }
        return holding.stream().filter(p -> byId.containsKey(p.taskId())).map(p -> {
            TaskView task = byId.get(p.taskId());
            return new Entry(task.id(), task.title(), task.leadUnitId(), task.leadUnitName(), task.category(),
                    task.lightReasons(), p.since(), Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(p.since(), today)));
        }).toList();
    }

    /** Longest held first, or most reasons first; ties by the other measure, then by task. */
    static List<Entry> sorted(List<Entry> entries, Order order) {
        Comparator<Entry> days = Comparator.comparingLong(Entry::days).reversed();
        Comparator<Entry> severity = Comparator.comparingInt(Entry::severity).reversed();
        Comparator<Entry> first = order == Order.DAYS ? days.thenComparing(severity) : severity.thenComparing(days);
        return entries.stream().sorted(first.thenComparingLong(Entry::taskId)).toList();
    }

    /** Groups in the entries' order; the group with the most tasks first, then the one holding the light longest. */
    static List<Group> groups(List<Entry> entries, Function<Entry, String> key) {
        Map<String, List<Entry>> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.computeIfAbsent(key.apply(e), k -> new java.util.ArrayList<>()).add(e));
        return byKey.entrySet().stream()
                .map(e -> new Group(e.getKey(), List.copyOf(e.getValue()),
                        e.getValue().stream().mapToLong(Entry::days).max().orElse(0)))
                .sorted(Comparator.comparingInt((Group g) -> g.entries().size()).reversed()
                        .thenComparing(Comparator.comparingLong(Group::longestDays).reversed())
                        .thenComparing(Group::name))
                .toList();
    }
}
