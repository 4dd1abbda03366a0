package org.gongjian.campaign;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;
import org.gongjian.campaign.instruction.InstructionService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonView;
import org.gongjian.org.UnitView;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Task detail (indicators, milestones, subtasks, instructions, history) and the create/edit form. */
@Controller
class TaskController {

    private final TaskService tasks;
    private final CampaignService campaigns;
    private final InstructionService instructions;
    private final OrgService org;
    private final Validator validator;
    private final List<TaskPanel> panels;
    private final SplitUnits splitUnits;

    TaskController(TaskService tasks, CampaignService campaigns, InstructionService instructions, OrgService org,
                   Validator validator, List<TaskPanel> panels, SplitUnits splitUnits) {
        this.panels = panels;
        this.splitUnits = splitUnits;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.instructions = instructions;
        this.org = org;
        this.validator = validator;
    }

    @GetMapping("/tasks/{id}")
    String detail(@PathVariable long id, DataScope scope, Model model) {
        TaskView task = tasks.task(id, scope);
        model.addAttribute("task", task);
        model.addAttribute("campaign", campaigns.campaign(task.campaignId(), scope));
        model.addAttribute("parent", task.parentTaskId() == null ? null
                : tasks.subtaskParent(task.parentTaskId(), scope));
        model.addAttribute("cooperating", task.cooperatingUnitIds().stream()
                .map(u -> org.unitName(u).orElse("#" + u)).toList());
        model.addAttribute("subtasks", tasks.subtasks(id, scope));
        model.addAttribute("source", tasks.source(id, scope));
        // Follow-up buttons only for the lead unit's side; a cooperating unit sees the task but does not answer for it.
        boolean leadSide = scope.isEverything() || org.scopeOf(task.leadUnitId())
                .map(s -> scope.covers(s.path())).orElse(false);
        model.addAttribute("leadSide", leadSide);
        // 分解 only where the caller has lower units to split to: a department's head has none of its county's townships
        model.addAttribute("mayDecompose", leadSide && splitUnits.mayDecompose(task, scope));
        model.addAttribute("panels", panels.stream().map(p -> p.panelFor(task, scope)).flatMap(java.util.Optional::stream).toList());
        model.addAttribute("instructions", instructions.forTask(id, scope));
        model.addAttribute("history", tasks.history(id, scope));
        model.addAttribute("today", java.time.LocalDate.now(tasks.clock()));
        model.addAttribute("zone", tasks.clock().getZone());
        return "campaign/task-detail";
    }

    @GetMapping("/campaigns/{campaignId}/tasks/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String newTask(@PathVariable long campaignId, DataScope scope, Model model) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        return form(TaskForm.blank(campaign), campaign, null, scope, model);
    }

    @PostMapping("/campaigns/{campaignId}/tasks")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String create(@PathVariable long campaignId, @ModelAttribute("form") TaskForm form, BindingResult errors,
                  DataScope scope, Model model, RedirectAttributes redirect) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        if (validate(form, errors)) {
            try {
                TaskView task = tasks.create(campaignId, form.toCommand(), scope);
                redirect.addFlashAttribute("message", "已新增任务");
                return "redirect:/tasks/" + task.id();
            } catch (InvalidInput | Conflict e) {
                TaskFormErrors.reject(e, errors);
            }
        }
        return form(form.padded(), campaign, null, scope, model);
    }

    @GetMapping("/tasks/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String edit(@PathVariable long id, DataScope scope, Model model) {
        TaskView task = tasks.task(id, scope);
        return form(TaskForm.of(task), campaigns.campaign(task.campaignId(), scope), task, scope, model);
    }

    @PostMapping("/tasks/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String update(@PathVariable long id, @ModelAttribute("form") TaskForm form, BindingResult errors, DataScope scope,
                  Model model, RedirectAttributes redirect) {
        TaskView task = tasks.task(id, scope);
        if (validate(form, errors)) {
            try {
                tasks.update(id, form.getVersion(), form.toCommand(), scope);
                redirect.addFlashAttribute("message", "已保存");
                return "redirect:/tasks/" + id;
            } catch (InvalidInput | Conflict e) {
                TaskFormErrors.reject(e, errors);
            }
        }
        return form(form.padded(), campaigns.campaign(task.campaignId(), scope), task, scope, model);
    }

    private boolean validate(TaskForm form, BindingResult errors) {
        if (errors.hasErrors()) {
            // Rows of indicators and milestones have no message slot of their own: say it above the form.
            errors.getFieldErrors().stream().filter(e -> e.getField().startsWith("indicators") || e.getField().startsWith("milestones"))
                    .findFirst().ifPresent(e -> errors.reject("invalid",
                            (e.getField().startsWith("indicators") ? "指标" : "节点") + "中有数字或日期格式不正确"));
            return false;
        }
        validator.validate(form.toCommand()).forEach(v -> TaskFormErrors.reject(v.getPropertyPath().toString(),
                v.getMessage(), errors));
        return !errors.hasErrors();
    }

    private String form(TaskForm form, CampaignView campaign, @org.jspecify.annotations.Nullable TaskView task,
                        DataScope scope, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("campaign", campaign);
        model.addAttribute("task", task);
        List<UnitView> units = units(campaign, scope);
        if (task != null && units.stream().noneMatch(u -> u.id() == task.leadUnitId())) {
            units.add(org.unit(task.leadUnitId(), scope));
        }
        model.addAttribute("units", units);
        model.addAttribute("leaders", leaders(campaign, scope));
        model.addAttribute("directions", Direction.values());
        return "campaign/task-form";
    }

    /** Lead and cooperating unit choices: the campaign's own unit and its units down to townships and departments. */
    private List<UnitView> units(CampaignView campaign, DataScope scope) {
        List<UnitView> units = new ArrayList<>();
        try {
            UnitView owner = org.unit(campaign.ownerUnitId(), scope);
            units.add(owner);
            units.addAll(org.children(owner.id(), scope));
        } catch (org.gongjian.shared.NotFound e) {
            org.topUnits(scope).forEach(top -> {
                units.add(top);
                units.addAll(org.children(top.id(), scope));
            });
        }
        return units;
    }

    /** Lead leaders are the cadres of the campaign's own unit (县委书记, 县长, 副县长 …). */
    private List<PersonView> leaders(CampaignView campaign, DataScope scope) {
        try {
            return org.people(campaign.ownerUnitId(), false, null, scope, new PageQuery(0, 100)).items();
        } catch (org.gongjian.shared.NotFound e) {
            return List.of();
        }
    }
}
