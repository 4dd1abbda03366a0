package org.gongjian.shared;

/**
 * Builds LIKE patterns from user text, escaping wildcards so that "%" finds a percent sign, not everything.
 * Use with {@code LIKE :q ESCAPE '\'}.
 */
public final class Like {

    private Like() {
    }

    public static String contains(String text) {
        String escaped = text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
