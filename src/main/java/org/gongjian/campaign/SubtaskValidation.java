package org.gongjian.campaign;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.InvalidInput.FieldProblem;

/** Bean validation for a list of shares read from a JSON array (which @Valid can't reach). */
final class SubtaskValidation {

    private SubtaskValidation() {
    }

    static void check(List<SubtaskCommand> shares, Validator validator) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            int index = i;
            // A JSON array may hold null, which the validator would refuse with an exception (a 500).
            if (shares.get(i) == null) {
                problems.add(new FieldProblem("[" + i + "]", null, "第" + (i + 1) + "项分解内容为空"));
                continue;
            }
            validator.validate(shares.get(i)).forEach(v -> problems.add(
                    new FieldProblem("[" + index + "]." + v.getPropertyPath(), null, v.getMessage())));
        }
        if (shares.size() > 500) {
            problems.add(new FieldProblem("subtasks", null, "一次最多分解500项"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("分解内容有误", problems);
        }
    }
}
