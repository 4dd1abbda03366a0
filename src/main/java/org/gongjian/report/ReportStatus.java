package org.gongjian.report;

/** Where a progress report is in its review (审核): draft › submitted › returned / approved. */
public enum ReportStatus {
    DRAFT("草稿"),
    SUBMITTED("已提交"),
    RETURNED("已退回"),
    APPROVED("已通过");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reporting unit may still change it. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
