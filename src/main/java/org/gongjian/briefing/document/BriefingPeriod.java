package org.gongjian.briefing.document;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** The month a briefing (工作通报) covers, written {@code 2026-11} in URLs and JSON. */
public record BriefingPeriod(YearMonth month) {

    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}");

    /** @throws IllegalArgumentException for anything but a real month written yyyy-MM (so MVC answers 400) */
    public static BriefingPeriod parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("通报期数应写作 2026-11");
        }
        int month = Integer.parseInt(text.substring(5));
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("月份应在 01 到 12 之间");
        }
        return new BriefingPeriod(YearMonth.of(Integer.parseInt(text.substring(0, 4)), month));
    }

    public LocalDate start() {
        return month.atDay(1);
    }

    public LocalDate end() {
        return month.atEndOfMonth();
    }

    public String label() {
        return month.toString();
    }

    /** 2026年11月 */
    public String chinese() {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    @Override
    public String toString() {
        return label();
    }
}
