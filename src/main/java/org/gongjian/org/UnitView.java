package org.gongjian.org;

import org.jspecify.annotations.Nullable;

/** A unit as other modules and the API see it. {@code path} is the materialised path used for data scope. */
public record UnitView(long id, String name, UnitKind kind, @Nullable Long parentId, String code, String path,
                       int depth, int childCount) {

    public String kindLabel() {
        return kind.label();
    }

    public boolean hasChildren() {
        return childCount > 0;
    }
}
