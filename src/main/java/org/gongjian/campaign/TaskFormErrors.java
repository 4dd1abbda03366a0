package org.gongjian.campaign;

import java.util.Set;

import org.gongjian.shared.InvalidInput;
import org.springframework.validation.BindingResult;

/** Puts service and validation errors on the form field they concern, or on the form when there is none. */
final class TaskFormErrors {

    private static final Set<String> FIELDS = Set.of("title", "description", "category", "leadUnitId", "leadLeaderId",
            "cooperatingUnitIds", "weight", "startDate", "dueDate");

    private TaskFormErrors() {
    }

    static void reject(RuntimeException e, BindingResult errors) {
        if (e instanceof InvalidInput invalid) {
            invalid.problems().forEach(p -> reject(p.field(), p.message(), errors));
        } else {
            reject("title", e.getMessage() == null ? "保存失败" : e.getMessage(), errors);
        }
    }

    static void reject(String path, String message, BindingResult errors) {
        String field = path.replaceAll("\\[<list element>]", "");
        if (FIELDS.contains(field)) {
            errors.rejectValue(field, "invalid", message);
        } else if (field.startsWith("indicators") || field.startsWith("milestones")) {
            errors.reject("invalid", (field.startsWith("indicators") ? "指标：" : "节点：") + message);
        } else {
            errors.reject("invalid", message);
        }
    }
}
