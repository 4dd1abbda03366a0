package org.gongjian.shared;

import java.util.List;

/** Input that failed validation, with every problem found (not just the first), e.g. all bad rows of an import. */
public class InvalidInput extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInput(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(message, List.of(new FieldProblem(field, null, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One problem: a field (or import column), the import row when there is one (1-based, as Excel shows it). */
    public record FieldProblem(String field, Integer row, String message) implements java.io.Serializable {}
}
