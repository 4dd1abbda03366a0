package org.gongjian.rectification;

import org.jspecify.annotations.Nullable;

/** How serious a problem is, in order. */
public enum Severity {
    MINOR("一般"),
    SERIOUS("较重"),
    GRAVE("严重");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static @Nullable Severity ofLabel(String text) {
        for (Severity s : values()) {
            if (s.label.equals(text.strip()) || s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        return null;
    }
}
