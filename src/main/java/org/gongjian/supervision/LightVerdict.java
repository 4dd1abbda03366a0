package org.gongjian.supervision;

import java.util.List;

import org.gongjian.campaign.Light;

/** A computed light with every reason for it, worst first (亮灯及理由). */
public record LightVerdict(Light light, List<String> reasons) {

    public LightVerdict {
        reasons = List.copyOf(reasons);
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
