package org.gongjian.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitView;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
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
 * share of the target. Empty rows are skipped; a split that does not add up is flagged, not refused. Who may split
 * to which units is {@link SplitUnits}'s: a caller with none (a department's head, whose county's townships lie
 * outside their scope) gets a 403 with the reason, on the form and on a post alike.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'UNIT_HEAD')")
class DecompositionController {

    private final TaskService tasks;
    private final OrgService org;
    private final SplitUnits splitUnits;

    DecompositionController(TaskService tasks, OrgService org, SplitUnits splitUnits) {
        this.tasks = tasks;
        this.org = org;
        this.splitUnits = splitUnits;
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
        for (UnitView unit : splitUnits.candidatesOrRefuse(task, scope)) {
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
        splitUnits.candidatesOrRefuse(task, scope); // the same refusal as the form's: nothing is written
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
}
