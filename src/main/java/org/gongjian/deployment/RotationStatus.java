package org.gongjian.deployment;

/** DRAFT (ORG_DEPT) → APPROVED (a leader) → EFFECTIVE (carried out on its date); a draft may be cancelled. */
public enum RotationStatus {
    DRAFT("待审批"),
    APPROVED("已批准"),
    EFFECTIVE("已生效"),
    CANCELLED("已撤销");

    private final String label;

    RotationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
