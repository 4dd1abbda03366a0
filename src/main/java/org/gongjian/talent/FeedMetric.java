package org.gongjian.talent;

/** A figure of the registry or the desk that can feed a campaign indicator. */
public enum FeedMetric {
    INTRODUCED("引进人才数", "人"),
    ON_TIME_RATE("服务事项按期办结率", "%"),
    SATISFACTION_RATE("满意率", "%");

    private final String label;
    private final String unit;

    FeedMetric(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
