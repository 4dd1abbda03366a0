package org.gongjian.talent;

import java.time.LocalDate;

/** A day that differs from the Monday–Friday week: REST (放假) or WORK (调休上班). */
public record HolidayView(LocalDate day, WorkingCalendar.DayKind kind, String name) {

    public String kindLabel() {
        return kind == WorkingCalendar.DayKind.REST ? "放假" : "调休上班";
    }
}
