package org.gongjian.rectification;

/**
 * The ledger's four states: 未整改 (recorded, nothing reported yet), 整改中 (progress reported), 已销号 (signed off,
 * frozen) and 已反弹 (reopened after a sign-off; rectified again until the next sign-off).
 */
public enum ProblemStatus {
    OPEN("未整改"),
    IN_PROGRESS("整改中"),
    SIGNED_OFF("已销号"),
    REOPENED("已反弹");

    private final String label;

    ProblemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Measures and progress may change: everything but a signed-off problem. */
    public boolean editable() {
        return this != SIGNED_OFF;
    }
}
