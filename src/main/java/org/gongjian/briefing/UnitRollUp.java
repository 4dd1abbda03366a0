package org.gongjian.briefing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which row of the breakdown a unit's figures belong to: the focus unit itself (本级) or the direct child of the focus
 * whose subtree holds the unit, read off the materialised paths ("/1/2/" › "/1/2/7/34/" belongs to child 7).
 */
final class UnitRollUp {

    record Child(long id, String name, String path, boolean hasChildren) {}

    private final long focusId;
    private final String focusPath;
    private final Map<Long, Child> children = new LinkedHashMap<>();

    UnitRollUp(long focusId, String focusPath, List<Child> children) {
        this.focusId = focusId;
        this.focusPath = focusPath;
        children.forEach(c -> this.children.put(c.id(), c));
    }

    /** The row id for a unit path inside the focus subtree: the focus id for the focus itself or anything unknown. */
    long rowOf(String unitPath) {
        if (!unitPath.startsWith(focusPath) || unitPath.length() == focusPath.length()) {
            return focusId;
        }
        int slash = unitPath.indexOf('/', focusPath.length());
        if (slash < 0) {
            return focusId;
        }
        try {
            long child = Long.parseLong(unitPath.substring(focusPath.length(), slash));
            return children.containsKey(child) ? child : focusId;
        } catch (NumberFormatException e) {
            return focusId;
        }
    }

    List<Child> children() {
        return List.copyOf(children.values());
    }

    long focusId() {
        return focusId;
    }
}
