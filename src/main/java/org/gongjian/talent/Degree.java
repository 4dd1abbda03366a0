package org.gongjian.talent;

import java.util.Arrays;
import java.util.Optional;

/** Highest degree (最高学历), lowest first, so a policy's minimum compares by order. */
public enum Degree {
    OTHER("其他"),
    COLLEGE("大专"),
    BACHELOR("本科"),
    MASTER("硕士"),
    DOCTOR("博士");

    private final String label;

    Degree(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<Degree> fromLabel(String text) {
        return Arrays.stream(values()).filter(d -> d.label.equals(text) || d.name().equalsIgnoreCase(text)).findFirst();
    }
}
