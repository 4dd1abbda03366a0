package org.gongjian.campaign;

import java.util.ArrayList;
import java.util.List;

import org.gongjian.campaign.instruction.InstructionService;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The task list with filters and paging (htmx swaps the results), and a unit's "my tasks" page. */
@Controller
class TaskListController {

    private final CampaignService campaigns;
    private final TaskService tasks;
    private final InstructionService instructions;
    private final OrgService org;

    TaskListController(CampaignService campaigns, TaskService tasks, InstructionService instructions, OrgService org) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.instructions = instructions;
        this.org = org;
    }

    @GetMapping("/campaigns/{id}/tasks")
    String list(@PathVariable long id, @RequestParam(required = false) @Nullable String category,
                @RequestParam(required = false) @Nullable String light,
                @RequestParam(required = false) @Nullable Long unitId,
                @RequestParam(required = false) @Nullable String q,
                @RequestParam(required = false) @Nullable Integer page, DataScope scope, Model model,
                @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx) {
        CampaignView campaign = campaigns.campaign(id, scope);
        Light lightFilter = java.util.Arrays.stream(Light.values()).filter(l -> l.name().equals(light)).findFirst().orElse(null);
        TaskFilter filter = new TaskFilter(category, lightFilter, unitId, q, false, "NONE".equals(light));
        model.addAttribute("campaign", campaign);
        model.addAttribute("tasks", tasks.tasks(id, filter, scope, PageQuery.of(page, 50)));
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("light", light == null ? "" : light);
        model.addAttribute("unitId", unitId);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("units", filterUnits(scope));
        model.addAttribute("lights", Light.values());
        return htmx ? "campaign/task-list :: results" : "campaign/task-list";
    }

    /** Units to filter by: the top of the user's scope and the level below it (townships and departments). */
    private List<UnitView> filterUnits(DataScope scope) {
        List<UnitView> units = new ArrayList<>();
        for (UnitView top : org.topUnits(scope)) {
            units.add(top);
            units.addAll(org.children(top.id(), scope));
        }
        return units;
    }

    @GetMapping("/my/tasks")
    String mine(@RequestParam(required = false) @Nullable Integer page, DataScope scope,
                @AuthenticationPrincipal CurrentUser user, Model model) {
        List<CampaignView> visible = campaigns.campaigns(scope);
        model.addAttribute("instructions", instructions.open(scope));
        model.addAttribute("campaigns", visible);
        // A leader's tasks are those he is 包保 for (lead leader), not every task his wide scope can see.
        Long leader = user != null && user.roles().contains(Role.LEADER) ? user.personId() : null;
        model.addAttribute("leaderView", leader != null);
        if (leader != null) {
            model.addAttribute("sections", visible.stream().limit(5).map(c -> new MySection(c,
                    tasks.tasksOfLeadLeader(c.id(), leader, scope, PageQuery.of(page, 20)))).toList());
            return "campaign/my-tasks";
        }
        // A township, village or department sees every task it leads or helps with (its scope covers both);
        // a county or wider unit sees the tasks led within its tree.
        Long unitId = scope.unitId() == null || org.unit(scope.unitId(), scope).kind().ordinal()
                >= UnitKind.TOWNSHIP.ordinal() ? null : scope.unitId();
        model.addAttribute("sections", visible.stream().limit(5).map(c -> new MySection(c,
                tasks.tasks(c.id(), new TaskFilter(null, null, unitId, null, false, false), scope, PageQuery.of(page, 100))))
                .toList());
        return "campaign/my-tasks";
    }

    record MySection(CampaignView campaign, org.gongjian.shared.PageResult<TaskRow> tasks) {}
}
