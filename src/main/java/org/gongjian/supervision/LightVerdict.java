package org.gongjian.supervision;

import java.util.List;

import org.gongjian.campaign.Light;

/**
 * A computed light with every reason for it, worst first (亮灯及理由): {@code reasons} in the words of the evaluation
 * day (history, notices, messages), {@code lines} as stored on the task, one per reason — the words, or for a reason
 * whose words move by the day the facts they are made of ({@link DatedReason}).
 */
public record LightVerdict(Light light, List<String> reasons, List<String> lines) {

    public LightVerdict {
        reasons = List.copyOf(reasons);
        lines = List.copyOf(lines);
        if (lines.size() != reasons.size()) {
            throw new IllegalArgumentException("one stored line per reason");
        }
    }

    /** A verdict whose reasons are stored as their words. */
    public LightVerdict(Light light, List<String> reasons) {
        this(light, reasons, reasons);
    }

    /** How bad a light is for "worst wins": DONE < GREEN < YELLOW < RED. */
    static int severity(Light light) {
        return switch (light) {
            case DONE -> 0;
            case GREEN -> 1;
            case YELLOW -> 2;
            case RED -> 3;
        };
    }

    static Light worse(Light a, Light b) {
        return severity(a) >= severity(b) ? a : b;
    }
}
