package org.gongjian.org;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.PageQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The unit tree (children load lazily over htmx), unit detail and the unit form. */
@Controller
class OrgController {

    private final OrgService org;
    private final Validator validator;

    OrgController(OrgService org, Validator validator) {
        this.org = org;
        this.validator = validator;
    }

    @GetMapping("/units")
    String tree(DataScope scope, Model model) {
        model.addAttribute("units", org.topUnits(scope));
        return "org/unit-tree";
    }

    @GetMapping("/units/{id}/children")
    String children(@PathVariable long id, DataScope scope, Model model) {
        model.addAttribute("units", org.children(id, scope));
        return "org/unit-tree :: nodes";
    }

    @GetMapping("/units/{id}")
    String detail(@PathVariable long id, DataScope scope, Model model) {
        UnitView unit = org.unit(id, scope);
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", org.ancestors(unit, scope));
        model.addAttribute("children", org.children(id, scope));
        model.addAttribute("people", org.people(id, false, null, scope, new PageQuery(0, PageQuery.MAX_SIZE)));
        return "org/unit-detail";
    }

    @GetMapping("/units/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'SYS_ADMIN')")
    String newUnit(@RequestParam(required = false) @Nullable Long parentId, DataScope scope, Model model) {
        UnitForm form = new UnitForm();
        form.setParentId(parentId);
        return form(form, null, scope, model);
    }

    @PostMapping("/units")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'SYS_ADMIN')")
    String create(@ModelAttribute("form") UnitForm form, BindingResult errors, DataScope scope, Model model,
                  RedirectAttributes redirect) {
        if (validate(form, errors)) {
            try {
                UnitView unit = org.createUnit(form.toCommand(), scope);
                redirect.addFlashAttribute("message", "已新增单位“" + unit.name() + "”");
                return "redirect:/units/" + unit.id();
            } catch (InvalidInput | Conflict e) {
                reject(e, errors);
            }
        }
        return form(form, null, scope, model);
    }

    @GetMapping("/units/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'SYS_ADMIN')")
    String edit(@PathVariable long id, DataScope scope, Model model) {
        return form(UnitForm.of(org.unit(id, scope)), id, scope, model);
    }

    @PostMapping("/units/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_DEPT', 'SYS_ADMIN')")
    String update(@PathVariable long id, @ModelAttribute("form") UnitForm form, BindingResult errors, DataScope scope,
                  Model model, RedirectAttributes redirect) {
        org.unit(id, scope);
        if (validate(form, errors)) {
            try {
                org.updateUnit(id, form.toCommand(), scope);
                redirect.addFlashAttribute("message", "已保存");
                return "redirect:/units/" + id;
            } catch (InvalidInput | Conflict e) {
                reject(e, errors);
            }
        }
        return form(form, id, scope, model);
    }

    private String form(UnitForm form, @Nullable Long unitId, DataScope scope, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("unitId", unitId);
        model.addAttribute("parent", form.getParentId() == null ? null : org.unit(form.getParentId(), scope));
        model.addAttribute("kinds", UnitKind.values());
        return "org/unit-form";
    }

    private boolean validate(UnitForm form, BindingResult errors) {
        Set<ConstraintViolation<UnitCommand>> violations = validator.validate(form.toCommand());
        violations.forEach(v -> errors.rejectValue(v.getPropertyPath().toString(), "invalid", v.getMessage()));
        return !errors.hasErrors();
    }

    private static void reject(RuntimeException e, BindingResult errors) {
        if (e instanceof InvalidInput invalid) {
            invalid.problems().forEach(p -> {
                if (List.of("name", "kind", "code").contains(p.field())) {
                    errors.rejectValue(p.field(), "invalid", p.message());
                } else {
                    errors.reject("invalid", p.message());
                }
            });
        } else if (e.getMessage() != null) {
            errors.rejectValue("code", "conflict", e.getMessage());
        }
    }
}
