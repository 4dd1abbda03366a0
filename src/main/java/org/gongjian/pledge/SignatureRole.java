package org.gongjian.pledge;

/** 立状人 signs first; 发令方 countersigns. */
public enum SignatureRole {
    SIGNATORY("立状人"),
    ISSUER("发令方");

    private final String label;

    SignatureRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
