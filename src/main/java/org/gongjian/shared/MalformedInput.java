package org.gongjian.shared;

import java.util.List;

/**
 * Input that can't even be read as what the field holds (a period "2026-13", a NUL character, a body that isn't
 * the expected shape): 400, where a well-formed value that breaks a rule is {@link InvalidInput}'s 422.
 */
public class MalformedInput extends InvalidInput {

    public MalformedInput(String message, List<FieldProblem> problems) {
        super(message, problems);
    }

    public static MalformedInput of(String field, String message) {
        return new MalformedInput(message, List.of(new FieldProblem(field, null, message)));
    }
}
