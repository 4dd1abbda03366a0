package org.gongjian.rectification;

import org.jspecify.annotations.Nullable;

/** Where a problem was found. Units record what they found themselves; findings from above are the office's. */
public enum ProblemSource {
    SELF("自查", false),
    SUPERVISION("督查", true),
    INSTRUCTION("领导批示", true),
    INSPECTION("巡察", true),
    STUDY_TOUR("考察学习", false),
    PUBLIC("群众反映", false);

    private final String label;
    private final boolean fromAbove;

    ProblemSource(String label, boolean fromAbove) {
        this.label = label;
        this.fromAbove = fromAbove;
    }

    public String label() {
        return label;
    }

    /** Found by supervision, a leader or an inspection tour: recorded by the office, not by the unit. */
    public boolean fromAbove() {
        return fromAbove;
    }

    public static @Nullable ProblemSource ofLabel(String text) {
        for (ProblemSource s : values()) {
            if (s.label.equals(text.strip()) || s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        return null;
    }
}
