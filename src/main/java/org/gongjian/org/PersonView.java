package org.gongjian.org;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A cadre with the current position: {@code {id, name, unitId, position, deputy, since}} plus display fields. */
public record PersonView(long id, String name, @Nullable String gender, long unitId, String unitName,
                         String position, boolean deputy, @Nullable LocalDate since) {
}
