package org.gongjian.report;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A period's name in the page's language ({@code @periodNames.of(label)}): 2026年11月 / 2026年第40周 in Chinese,
 * November 2026 / Week 40, 2026 in English, so an English page never reads "2026年11月 progress report".
 */
@Component("periodNames")
public class PeriodNames {

    public String of(String label) {
        Locale locale = LocaleContextHolder.getLocale();
        if (locale.getLanguage().equals(Locale.CHINESE.getLanguage())) {
            return ReportingPeriod.displayName(label);
        }
        if (label.contains("W")) {
            return "Week " + Integer.parseInt(label.substring(6)) + ", " + label.substring(0, 4);
        }
        YearMonth month = YearMonth.parse(label);
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
    }
}
