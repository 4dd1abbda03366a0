package org.gongjian.rectification;

/** A measure: 整改中 until progress is reported, 待验收 while the evidence awaits a verdict, 已完成 once accepted. */
public enum MeasureStatus {
    OPEN("整改中"),
    REPORTED("待验收"),
    DONE("已完成");

    private final String label;

    MeasureStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
