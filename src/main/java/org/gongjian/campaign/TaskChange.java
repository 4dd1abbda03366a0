package org.gongjian.campaign;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One field's change in a task's history (变更记录): when, by whom, before → after. */
public record TaskChange(Instant occurredAt, String actor, String field, @Nullable String before, @Nullable String after) {
}
