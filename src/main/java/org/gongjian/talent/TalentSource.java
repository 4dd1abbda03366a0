package org.gongjian.talent;

import java.util.Arrays;
import java.util.Optional;

/** 引进 (brought in from outside) or 本土 (grown locally). */
public enum TalentSource {
    INTRODUCED("引进"),
    LOCAL("本土");

    private final String label;

    TalentSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<TalentSource> fromLabel(String text) {
        return Arrays.stream(values()).filter(s -> s.label.equals(text) || s.name().equalsIgnoreCase(text)).findFirst();
    }
}
