package org.gongjian.report;

/** Who a submitted report waits for: the unit head first where the campaign asks for it, then the office. */
public enum ReviewStage {
    UNIT_HEAD("待单位负责人审核"),
    OFFICE("待督查室审核");

    private final String label;

    ReviewStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
