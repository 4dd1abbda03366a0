package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The office's red/yellow list: each task with its reasons, lead unit and how long it has held the light. */
@Controller
class LightListController {

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

    record Entry(long taskId, String title, String leadUnitName, List<String> reasons, LocalDate since, long days) {}

    @GetMapping("/supervision/lights")
    @Transactional(readOnly = true)
    String list(@RequestParam(required = false) @Nullable Long campaignId,
                @RequestParam(defaultValue = "RED") Light light, DataScope scope, Model model) {
        List<CampaignView> visible = campaigns.campaigns(scope);
        Long chosen = campaignId != null ? campaignId : visible.isEmpty() ? null : visible.get(0).id();
        LocalDate today = LocalDate.now(clock);
        List<Entry> entries = chosen == null ? List.of() : store.holding(campaigns.campaign(chosen, scope).id(), light, scope)
                .stream().map(p -> {
                    TaskView task = tasks.task(p.taskId(), scope);
                    return new Entry(task.id(), task.title(), task.leadUnitName(), task.lightReasons(), p.since(),
                            ChronoUnit.DAYS.between(p.since(), today));
                }).toList();
        model.addAttribute("campaigns", visible);
        model.addAttribute("campaignId", chosen);
        model.addAttribute("light", light);
        model.addAttribute("entries", entries);
        return "supervision/lights";
    }
}
