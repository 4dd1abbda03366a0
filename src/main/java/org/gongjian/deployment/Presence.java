package org.gongjian.deployment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * 在岗天数 maths, a pure function. A day counts once however many logs it has. The rule (minimum days on site per full
 * month) is the one in force for the month (a rule change applies from its month on; earlier months keep theirs). A
 * month the deployment covers only in part owes the rule pro-rated by calendar days, rounded up and never more than the
 * days covered: rule 15, deployed from the 17th of a 30-day month (14 days) → ⌈15 × 14 / 30⌉ = 7 days.
 */
public final class Presence {

    public static final int DEFAULT_MIN_DAYS = 15;

    private Presence() {
    }

    /** One deployment's month: days logged, days owed, days covered, and how many days are still to come. */
    public record Month(YearMonth month, int days, int required, int coveredDays, int rule, int remainingDays) {

        public boolean isShort() {
            return days < required;
        }

        public int missing() {
            return Math.max(0, required - days);
        }

        /** Whether the remaining days (after the as-of date) can still make up the shortfall. */
        public boolean reachable() {
            return days + remainingDays >= required;
        }

        public String explanation() {
            String base = "本月规定" + rule + "天";
            if (coveredDays < month.lengthOfMonth()) {
                base += "，下沉期覆盖" + coveredDays + "天，按日历天数折算应在岗" + required + "天";
            } else {
                base += "，应在岗" + required + "天";
            }
            String text = base + "；已记录" + days + "天" + (days < required ? "，差" + (required - days) + "天" : "，已达标");
            if (days < required && remainingDays > 0) {
                text += "（本月尚余" + remainingDays + "天，" + (reachable() ? "仍可补足" : "已无法补足") + "）";
            }
            return text;
        }
    }

    /** The rule in force in a month: the latest rule starting in or before it (the default when none does). */
    public static int ruleFor(YearMonth month, Map<YearMonth, Integer> rules) {
        NavigableMap<YearMonth, Integer> sorted = new TreeMap<>(rules);
        Map.Entry<YearMonth, Integer> entry = sorted.floorEntry(month);
        if (entry == null) {
            entry = sorted.firstEntry();
        }
        return entry == null ? DEFAULT_MIN_DAYS : entry.getValue();
    }

    /** Days owed in a month for a deployment running from start to end, under the given full-month rule. */
    public static int required(YearMonth month, LocalDate start, LocalDate end, int rule) {
        int covered = covered(month, start, end);
        if (covered == 0) {
            return 0;
        }
        int length = month.lengthOfMonth();
        int owed = (int) Math.ceil((double) rule * covered / length - 1e-9);
        return Math.min(owed, covered);
    }

    /** Days of the month inside [start, end]. */
    public static int covered(YearMonth month, LocalDate start, LocalDate end) {
        LocalDate from = max(month.atDay(1), start);
        LocalDate to = min(month.atEndOfMonth(), end);
        return from.isAfter(to) ? 0 : (int) (to.toEpochDay() - from.toEpochDay() + 1);
    }

    /**
     * The month as of a date: distinct logged days inside the month and the period count; days after {@code asOf}
     * (still inside the month and the period) are the remaining days.
     */
    public static Month month(YearMonth month, LocalDate start, LocalDate end, Map<YearMonth, Integer> rules,
                              Collection<LocalDate> logDates, LocalDate asOf) {
        int rule = ruleFor(month, rules);
        LocalDate from = max(month.atDay(1), start);
        LocalDate to = min(month.atEndOfMonth(), end);
        int days = (int) logDates.stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).distinct().count();
        LocalDate nextDay = max(asOf.plusDays(1), from);
        int remaining = nextDay.isAfter(to) ? 0 : (int) (to.toEpochDay() - nextDay.toEpochDay() + 1);
        return new Month(month, days, required(month, start, end, rule), covered(month, start, end), rule, remaining);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
