package org.gongjian.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.gongjian.talent.WorkingCalendar.DayKind;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic over the 2026 calendar (国办发明电〔2025〕: 国庆 10/1–10/7, 9/20 and 10/10 working). */
class WorkingCalendarTests {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(calendar2026());

    private static Map<LocalDate, DayKind> calendar2026() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), DayKind.REST);
        }
        for (int d = 25; d <= 27; d++) {
            days.put(LocalDate.of(2026, 9, d), DayKind.REST);
        }
        for (int d = 15; d <= 23; d++) {
            days.put(LocalDate.of(2026, 2, d), DayKind.REST);
        }
        days.put(LocalDate.of(2026, 9, 20), DayKind.WORK);
        days.put(LocalDate.of(2026, 10, 10), DayKind.WORK);
        days.put(LocalDate.of(2026, 2, 14), DayKind.WORK);
        days.put(LocalDate.of(2026, 2, 28), DayKind.WORK);
        return days;
    }

    @Test
    void fiveWorkingDaysFromTheDayBeforeNationalDayEndOnTheMondayAfterTheMakeUpSaturday() {
        // 9/30 Wed is day 1; 10/1–10/7 rest; 10/8 Thu 2, 10/9 Fri 3, 10/10 Sat (调休上班) 4, 10/11 Sun rest, 10/12 Mon 5.
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 9, 29), 5)).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void withoutTheMakeUpDayTheSameDeadlineWouldFallOnTuesday() {
        WorkingCalendar plainWeeks = new WorkingCalendar(Map.of());
        assertThat(plainWeeks.plusWorkingDays(LocalDate.of(2026, 9, 29), 5)).isEqualTo(LocalDate.of(2026, 10, 6));
    }

    @Test
    void theSundayMakeUpDayBeforeNationalDayCounts() {
        // Opened Friday 9/18: Sun 9/20 is 调休上班 (1), Mon 9/21 (2).
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 9, 18), 2)).isEqualTo(LocalDate.of(2026, 9, 21));
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 19))).isFalse();
    }

    @Test
    void mooncakeFridayIsARestDay() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 25))).isFalse();
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 9, 24), 1)).isEqualTo(LocalDate.of(2026, 9, 28));
    }

    @Test
    void springFestivalSkipsNineDaysAndCountsBothMakeUpSaturdays() {
        // Fri 2/13 → Sat 2/14 (调休) 1, then rest to 2/23, Tue 2/24 2.
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 3, 1))).isEqualTo(6);
    }

    @Test
    void countsWorkingDaysAcrossNationalDay() {
        // (9/30, 10/12]: 10/8, 10/9, 10/10, 10/12.
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12))).isEqualTo(4);
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 1))).isZero();
    }

    @Test
    void zeroDaysIsTheSameDayAndNegativeIsRefused() {
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 3));
        assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.of(2026, 10, 3), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
