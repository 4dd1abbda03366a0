package org.gongjian.campaign;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
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

/** Campaign pages: the list, one campaign's overview by category and light, and the form to start one. */
@Controller
class CampaignController {

    private final CampaignService campaigns;
    private final TaskService tasks;
    private final OrgService org;
    private final Validator validator;

    CampaignController(CampaignService campaigns, TaskService tasks, OrgService org, Validator validator) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.org = org;
        this.validator = validator;
    }

    @GetMapping("/campaigns")
    String list(DataScope scope, Model model) {
        model.addAttribute("campaigns", campaigns.campaigns(scope));
        return "campaign/campaign-list";
    }

    @GetMapping("/campaigns/{id}")
    String overview(@PathVariable long id, DataScope scope, Model model) {
        model.addAttribute("campaign", campaigns.campaign(id, scope));
        List<CategorySummary> summary = tasks.summary(id, scope);
        model.addAttribute("summary", summary);
        model.addAttribute("total", summary.stream().mapToLong(CategorySummary::tasks).sum());
        return "campaign/campaign-overview";
    }

    @PostMapping("/campaigns/{id}/inherit")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String inherit(@PathVariable long id, DataScope scope, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("message", "已承接上级任务 " + tasks.carryDown(id, scope) + " 项");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:/campaigns/" + id;
    }

    @GetMapping("/campaigns/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String newCampaign(DataScope scope, Model model) {
        CampaignForm form = new CampaignForm();
        form.setOwnerUnitId(scope.unitId());
        return form(form, scope, model);
    }

    @PostMapping("/campaigns")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String create(@ModelAttribute("form") CampaignForm form, BindingResult errors, DataScope scope, Model model,
                  RedirectAttributes redirect) {
        validator.validate(form.toCommand()).forEach(v -> errors.rejectValue(
                v.getPropertyPath().toString().startsWith("categories") ? "categories" : v.getPropertyPath().toString(),
                "invalid", v.getMessage()));
        if (!errors.hasErrors()) {
            try {
                CampaignView campaign = campaigns.create(form.toCommand(), scope);
                redirect.addFlashAttribute("message", "已创建攻坚行动“" + campaign.name() + "”");
                return "redirect:/campaigns/" + campaign.id();
            } catch (InvalidInput e) {
                e.problems().forEach(p -> errors.rejectValue(
                        List.of("name", "year", "startDate", "endDate", "ownerUnitId", "parentCampaignId", "reportDeadlineDay").contains(p.field())
                                ? p.field() : "endDate", "invalid", p.message()));
            }
        }
        return form(form, scope, model);
    }

    private String form(CampaignForm form, DataScope scope, Model model) {
        List<UnitView> owners = new ArrayList<>();
        for (UnitKind kind : List.of(UnitKind.PROVINCE, UnitKind.CITY, UnitKind.COUNTY, UnitKind.TOWNSHIP)) {
            owners.addAll(org.units(null, kind, null, scope, new PageQuery(0, PageQuery.MAX_SIZE)).items());
        }
        model.addAttribute("form", form);
        model.addAttribute("owners", owners);
        model.addAttribute("frequencies", ReportingFrequency.values());
        model.addAttribute("parents", campaigns.campaigns(scope));
        return "campaign/campaign-form";
    }
}
