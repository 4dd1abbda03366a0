package org.gongjian.deployment;

/** A batch runs until ORG_DEPT ends it (or extends its end date). */
public enum BatchStatus {
    ACTIVE("进行中"),
    ENDED("已结束");

    private final String label;

    BatchStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
