package org.gongjian.assessment;

/** Peer groups ranked against each other: townships with townships, departments with departments. */
public enum UnitGroup {
    TOWNSHIP("乡镇"),
    DEPARTMENT("部门");

    private final String label;

    UnitGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
