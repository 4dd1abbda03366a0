package org.gongjian.pledge;

/** 兑现: judged at campaign end from the pledged tasks' outcomes. */
public enum Fulfilment {
    FULFILLED("兑现"),
    PARTIAL("部分兑现"),
    UNFULFILLED("未兑现"),
    PENDING("未到兑现期");

    private final String label;

    Fulfilment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
