package org.gongjian.talent;

/** The talent's satisfaction when a request is closed. */
public enum Rating {
    SATISFIED("满意"),
    FAIRLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
