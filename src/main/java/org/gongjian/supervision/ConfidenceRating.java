package org.gongjian.supervision;

/** 交付信心: a person's judgement whether a task will be delivered, beside the computed light. */
public enum ConfidenceRating {
    HIGH("高"),
    MEDIUM("中"),
    LOW("低");

    private final String label;

    ConfidenceRating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
