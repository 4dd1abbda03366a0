package org.gongjian.shared;

import org.jspecify.annotations.Nullable;

/**
 * The subtree of units a user may see and change. Units carry a materialised path ("/1/7/42/"), so every query
 * restricts itself with {@code path LIKE :scopePath || '%'}; {@link #everything()} is for system administrators
 * created before any unit exists.
 */
public record DataScope(@Nullable Long unitId, String path) {

    public static DataScope everything() {
        return new DataScope(null, "/");
    }

    /**
     * No unit at all: what the separated administrators (三员) see of the campaign's data. No unit path starts with
     * "/-/", so every scoped query returns nothing and every id answers 404.
     */
    public static DataScope nothing() {
        return new DataScope(-1L, "/-/");
    }

    public boolean isNothing() {
        return unitId != null && unitId == -1L;
    }

    public static DataScope of(long unitId, String path) {
        return new DataScope(unitId, path);
    }

    public boolean isEverything() {
        return unitId == null;
    }

    public boolean covers(String unitPath) {
        return unitPath.startsWith(path);
    }

    /** The LIKE pattern for a path column; paths are digits and slashes only, so there is nothing to escape. */
    public String likePattern() {
        return path + "%";
    }
}
