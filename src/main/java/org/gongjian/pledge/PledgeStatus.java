package org.gongjian.pledge;

/** Where a pledge version stands: drafted, signed by the unit head (立状人), countersigned by the issuer (发令方). */
public enum PledgeStatus {
    DRAFT("待签署"),
    SIGNATORY_SIGNED("待发令方签署"),
    SIGNED("已签署生效"),
    SUPERSEDED("已被变更取代");

    private final String label;

    PledgeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
