package org.gongjian.assessment.record;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A cadre's performance record (实绩档案): the person, the units counted as theirs, the timeline newest first. */
public record CadreRecord(long personId, String name, long unitId, String unitName, String position,
                          List<String> units, @Nullable Integer year, List<Integer> years, List<RecordEntry> entries) {
}
