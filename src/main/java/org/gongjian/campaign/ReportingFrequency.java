package org.gongjian.campaign;

/** How often lead units report: weekly (周报) or monthly (月报). */
public enum ReportingFrequency {
    WEEKLY("周报"),
    MONTHLY("月报");

    private final String label;

    ReportingFrequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
