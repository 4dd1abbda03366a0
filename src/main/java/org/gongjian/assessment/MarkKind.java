package org.gongjian.assessment;

/** What the organisation department marks on a cadre's performance record (实绩档案). */
public enum MarkKind {
    HARD_POST("吃劲岗位"),
    URGENT_TASK("急难险重");

    private final String label;

    MarkKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
