package org.gongjian.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** 在岗天数 maths, the photo check and the rotation tenure rule, without Spring. */
class PresenceTests {

    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);
    static final Map<YearMonth, Integer> RULE_15 = Map.of(YearMonth.of(2026, 1), 15);

    static List<LocalDate> days(int year, int month, int... days) {
        return IntStream.of(days).mapToObj(d -> LocalDate.of(year, month, d)).toList();
    }

    @Test
    void aDayCountsOnceAndLogsOutsideTheMonthDoNotCount() {
        List<LocalDate> logs = new java.util.ArrayList<>(days(2026, 3, 1, 1, 1, 2, 31));
        logs.addAll(days(2026, 2, 28));
        logs.addAll(days(2026, 4, 1));
        Presence.Month march = Presence.month(YearMonth.of(2026, 3), JAN_1, DEC_31, RULE_15, logs, LocalDate.of(2026, 4, 2));
        assertThat(march.days()).isEqualTo(3);
        assertThat(march.required()).isEqualTo(15);
        assertThat(march.isShort()).isTrue();
        assertThat(march.missing()).isEqualTo(12);
        assertThat(march.remainingDays()).isZero();
        assertThat(march.explanation()).contains("应在岗15天").contains("已记录3天").contains("差12天");
    }

    @Test
    void partMonthsArePropratedByCalendarDaysRoundingUp() {
        // from the 17th of April (30 days): 14 days covered → ⌈15 × 14 / 30⌉ = 7
        assertThat(Presence.required(YearMonth.of(2026, 4), LocalDate.of(2026, 4, 17), DEC_31, 15)).isEqualTo(7);
        // ending on 10 Feb (28 days): 10 days → ⌈15 × 10 / 28⌉ = 6
        assertThat(Presence.required(YearMonth.of(2026, 2), JAN_1, LocalDate.of(2026, 2, 10), 15)).isEqualTo(6);
        // a single day owes at most that day
        assertThat(Presence.required(YearMonth.of(2026, 5), LocalDate.of(2026, 5, 31), DEC_31, 28)).isEqualTo(1);
        // outside the period: nothing owed
        assertThat(Presence.required(YearMonth.of(2027, 1), JAN_1, DEC_31, 15)).isZero();
        // a full 31-day month owes exactly the rule
        assertThat(Presence.required(YearMonth.of(2026, 1), JAN_1, DEC_31, 15)).isEqualTo(15);
    }

    @Test
    void daysBeforeTheStartOrAfterTheEndOfTheDeploymentDoNotCount() {
        Presence.Month april = Presence.month(YearMonth.of(2026, 4), LocalDate.of(2026, 4, 17), LocalDate.of(2026, 4, 25),
                RULE_15, days(2026, 4, 1, 16, 17, 25, 26), LocalDate.of(2026, 4, 30));
        assertThat(april.days()).isEqualTo(2);
        assertThat(april.coveredDays()).isEqualTo(9);
        assertThat(april.required()).isEqualTo(5); // ⌈15 × 9 / 30⌉ = 4.5 → 5
        assertThat(april.explanation()).contains("覆盖9天").contains("折算");
    }

    @Test
    void aRuleChangeAppliesFromItsMonthOnAndEarlierMonthsKeepTheirs() {
        Map<YearMonth, Integer> rules = Map.of(YearMonth.of(2026, 1), 15, YearMonth.of(2026, 6), 10);
        assertThat(Presence.ruleFor(YearMonth.of(2026, 5), rules)).isEqualTo(15);
        assertThat(Presence.ruleFor(YearMonth.of(2026, 6), rules)).isEqualTo(10);
        assertThat(Presence.ruleFor(YearMonth.of(2026, 11), rules)).isEqualTo(10);
        assertThat(Presence.ruleFor(YearMonth.of(2025, 12), rules)).isEqualTo(15);
        assertThat(Presence.ruleFor(YearMonth.of(2026, 3), Map.of())).isEqualTo(Presence.DEFAULT_MIN_DAYS);
        List<LocalDate> twelve = IntStream.rangeClosed(1, 12).mapToObj(d -> LocalDate.of(2026, 5, d)).toList();
        assertThat(Presence.month(YearMonth.of(2026, 5), JAN_1, DEC_31, rules, twelve, DEC_31).isShort()).isTrue();
        List<LocalDate> twelveJune = IntStream.rangeClosed(1, 12).mapToObj(d -> LocalDate.of(2026, 6, d)).toList();
        assertThat(Presence.month(YearMonth.of(2026, 6), JAN_1, DEC_31, rules, twelveJune, DEC_31).isShort()).isFalse();
    }

    @Test
    void remainingDaysTellWhetherTheMonthCanStillBeMadeUp() {
        Presence.Month m = Presence.month(YearMonth.of(2026, 3), JAN_1, DEC_31, RULE_15, days(2026, 3, 2, 3, 4, 5, 6, 9, 10,
                11, 12, 13), LocalDate.of(2026, 3, 26));
        assertThat(m.days()).isEqualTo(10);
        assertThat(m.remainingDays()).isEqualTo(5);
        assertThat(m.reachable()).isTrue();
        Presence.Month late = Presence.month(YearMonth.of(2026, 3), JAN_1, DEC_31, RULE_15, days(2026, 3, 2), LocalDate.of(2026, 3, 26));
        assertThat(late.reachable()).isFalse();
    }

    @Test
    void photosFromAnotherDayOrFarAwayAreFlaggedAndAnUnlocatedSiteChecksOnlyTheDate() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        LocalDate day = LocalDate.of(2026, 3, 10);
        BigDecimal lat = new BigDecimal("34.7466");
        BigDecimal lon = new BigDecimal("113.6254");
        Instant sameDay = Instant.parse("2026-03-09T17:30:00Z"); // 01:30 on the 10th in Shanghai
        assertThat(PhotoCheck.check(day, sameDay, lat, lon, lat, lon, shanghai)).isEmpty();
        assertThat(PhotoCheck.check(day, Instant.parse("2026-03-09T15:00:00Z"), lat, lon, lat, lon, shanghai))
                .containsExactly(PhotoCheck.Flag.OTHER_DAY);
        assertThat(PhotoCheck.check(day, sameDay, new BigDecimal("34.80"), lon, lat, lon, shanghai))
                .containsExactly(PhotoCheck.Flag.FAR); // ≈ 5.9 km north
        assertThat(PhotoCheck.check(day, sameDay, new BigDecimal("34.76"), lon, lat, lon, shanghai)).isEmpty(); // ≈ 1.5 km
        assertThat(PhotoCheck.check(day, null, null, null, null, null, shanghai))
                .containsExactly(PhotoCheck.Flag.NO_TIME, PhotoCheck.Flag.SITE_UNLOCATED);
        assertThat(PhotoCheck.check(day, sameDay, null, null, lat, lon, shanghai)).containsExactly(PhotoCheck.Flag.NO_GPS);
        assertThat(PhotoCheck.kilometres(34.0, 113.0, 35.0, 113.0)).isBetween(111.0, 111.4);
    }

    @Test
    void theTenureRuleCountsFullYearsToTheDay() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        assertThat(RotationRules.longEnough(LocalDate.of(2023, 6, 1), today, 3)).isTrue();
        assertThat(RotationRules.longEnough(LocalDate.of(2023, 6, 2), today, 3)).isFalse();
        assertThat(RotationRules.longEnough(null, today, 3)).isFalse();
        assertThat(RotationRules.tenure(LocalDate.of(2023, 5, 1), today)).isEqualByComparingTo("3.0");
        assertThat(RotationRules.tenure(LocalDate.of(2020, 12, 1), today)).isEqualByComparingTo("5.5");
        assertThat(RotationRules.eligible(false, LocalDate.of(2020, 1, 1), today, 3, List.of())).isFalse();
        assertThat(RotationRules.eligible(true, LocalDate.of(2020, 1, 1), today, 3, List.of("军令状责任期未满"))).isFalse();
        assertThat(RotationRules.eligible(true, LocalDate.of(2020, 1, 1), today, 3, List.of())).isTrue();
        assertThat(RotationRules.eligible(true, LocalDate.of(2024, 1, 1), today, 2, List.of())).isTrue();
    }
}
