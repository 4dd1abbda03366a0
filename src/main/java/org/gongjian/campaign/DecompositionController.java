package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 分解: one row per lower unit (a county task to its townships, a township task to its villages), each with its
 * share of the target. Empty rows are skipped; a split that does not add up is flagged, not refused.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD')")
class DecompositionController {

    private final TaskService tasks;
    private final OrgService org;

    DecompositionController(TaskService tasks, OrgService org) {
        this.tasks = tasks;
        this.org = org;
    }

    /** The form: one share per candidate unit. A bean so Spring can bind {@code shares[3].target}. */
    public static class SplitForm {
        private List<Share> shares = new ArrayList<>();

        public List<Share> getShares() { return shares; }
        public void setShares(@Nullable List<Share> shares) { this.shares = shares == null ? new ArrayList<>() : shares; }
    }

    public static class Share {
        private @Nullable Long unitId;
        private String unitName = "";
        private @Nullable BigDecimal target;
        private boolean selected;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate dueDate;

        public @Nullable Long getUnitId() { return unitId; }
        public void setUnitId(@Nullable Long unitId) { this.unitId = unitId; }
        public String getUnitName() { return unitName; }
        public void setUnitName(@Nullable String unitName) { this.unitName = unitName == null ? "" : unitName; }
        public @Nullable BigDecimal getTarget() { return target; }
        public void setTarget(@Nullable BigDecimal target) { this.target = target; }
        public boolean isSelected() { return selected; }
        public void setSelected(boolean selected) { this.selected = selected; }
        public @Nullable LocalDate getDueDate() { return dueDate; }
        public void setDueDate(@Nullable LocalDate dueDate) { this.dueDate = dueDate; }
    }

    @GetMapping("/tasks/{id}/decompose")
    String form(@PathVariable long id, DataScope scope, Model model) {
        TaskView task = tasks.task(id, scope);
        SplitForm form = new SplitForm();
        for (UnitView unit : candidates(task, scope)) {
            Share share = new Share();
            share.setUnitId(unit.id());
            share.setUnitName(unit.name());
            share.setDueDate(task.dueDate());
            form.getShares().add(share);
        }
        return page(task, form, List.of(), model);
    }

    @PostMapping("/tasks/{id}/decompose")
    String split(@PathVariable long id, @ModelAttribute("form") SplitForm form, DataScope scope, Model model,
                 RedirectAttributes redirect) {
        TaskView task = tasks.task(id, scope);
        boolean hasIndicator = !task.indicators().isEmpty();
        List<SubtaskCommand> commands = new ArrayList<>();
        for (Share share : form.getShares()) {
            boolean taken = hasIndicator ? share.getTarget() != null : share.isSelected();
            if (taken && share.getUnitId() != null) {
                // The unit's name comes from the server, never from the posted form.
                String name = org.unitName(share.getUnitId()).orElse("");
                String title = name + "：" + task.title();
                commands.add(new SubtaskCommand(title.length() > 200 ? title.substring(0, 199) + "…" : title,
                        share.getUnitId(), null, share.getTarget(), null, share.getDueDate()));
            }
        }
        try {
            TaskService.Decomposition result = tasks.decompose(id, commands, scope);
            redirect.addFlashAttribute("message", "已分解为 " + result.subtasks().size() + " 项子任务"
                    + (result.warnings().isEmpty() ? "" : "。提示：" + String.join("；", result.warnings())));
            return "redirect:/tasks/" + id;
        } catch (InvalidInput e) {
            return page(task, form, e.problems().stream().map(InvalidInput.FieldProblem::message).toList(), model);
        } catch (Conflict e) {
            return page(task, form, List.of(e.getMessage()), model);
        }
    }

    private String page(TaskView task, SplitForm form, List<String> errors, Model model) {
        model.addAttribute("task", task);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("indicator", task.indicators().isEmpty() ? null : task.indicators().get(0));
        return "campaign/task-decompose";
    }

    /** Townships for a county-level task, villages for a township task, else the lead unit's own children. */
    private List<UnitView> candidates(TaskView task, DataScope scope) {
        UnitView lead;
        try {
            lead = org.unit(task.leadUnitId(), scope);
        } catch (NotFound e) {
            return List.of();
        }
        UnitView base = lead.kind() == UnitKind.DEPARTMENT && lead.parentId() != null
                ? org.unit(lead.parentId(), scope) : lead;
        UnitKind wanted = base.kind() == UnitKind.COUNTY ? UnitKind.TOWNSHIP
                : base.kind() == UnitKind.TOWNSHIP ? UnitKind.VILLAGE : null;
        if (wanted == null) {
            return org.children(base.id(), scope);
        }
        return org.units(null, wanted, null, DataScope.of(base.id(), base.path()), new PageQuery(0, PageQuery.MAX_SIZE))
                .items().stream().filter(u -> scope.covers(u.path())).toList();
    }
}
