package org.gongjian.assessment;

/** Where an appeal (申诉) stands. */
public enum AppealStatus {
    PENDING("待处理"),
    UPHELD("申诉成立"),
    REJECTED("已驳回");

    private final String label;

    AppealStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
