package org.gongjian.campaign;

import org.jspecify.annotations.Nullable;

/** The task list's filters (攻坚清单筛选): category, light, lead unit, free text, top-level only, not yet evaluated. */
public record TaskFilter(@Nullable String category, @Nullable Light light, @Nullable Long leadUnitId,
                         @Nullable String q, boolean topLevelOnly, boolean unevaluated) {
}
