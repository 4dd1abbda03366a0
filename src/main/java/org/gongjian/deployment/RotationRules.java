package org.gongjian.deployment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who may rotate: a deputy (副职) whose tenure in the current post reaches the rule (default {@link #DEFAULT_MIN_YEARS}
 * full years, counted to the day), and who is not excluded (a pledge term still running, a rotation already pending).
 * A pure function.
 */
public final class RotationRules {

    public static final int DEFAULT_MIN_YEARS = 3;

    private RotationRules() {
    }

    /** Tenure in years with one decimal (whole months / 12), 0 when the start is unknown or in the future. */
    public static BigDecimal tenure(@Nullable LocalDate since, LocalDate today) {
        if (since == null || since.isAfter(today)) {
            return BigDecimal.ZERO;
        }
        Period p = Period.between(since, today);
        return BigDecimal.valueOf(p.getYears() * 12L + p.getMonths()).divide(BigDecimal.valueOf(12), 1, RoundingMode.DOWN);
    }

    /** Whether the full years in post reach the rule (the anniversary day counts). */
    public static boolean longEnough(@Nullable LocalDate since, LocalDate today, int minYears) {
        return since != null && !since.plusYears(minYears).isAfter(today);
    }

    public static boolean eligible(boolean deputy, @Nullable LocalDate since, LocalDate today, int minYears,
                                   List<String> exclusions) {
        return deputy && longEnough(since, today, minYears) && exclusions.isEmpty();
    }
}
