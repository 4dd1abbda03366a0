package org.gongjian.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.shared.MalformedInput;

/**
 * A reporting period (报送周期): an ISO week ({@code 2026-W23}) or a calendar month ({@code 2026-06}), with the day
 * its report is due. Weekly reports are due on the campaign's weekday of the same week (5 = Friday); monthly reports
 * on the campaign's day of the following month. Dates are Asia/Shanghai calendar dates: whoever compares an instant
 * with the deadline converts it in that zone first.
 */
public record ReportingPeriod(ReportingFrequency frequency, String label, LocalDate start, LocalDate end,
                              LocalDate deadline) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    /** The period a date falls in. */
    public static ReportingPeriod containing(LocalDate date, ReportingFrequency frequency, int deadlineDay) {
        if (frequency == ReportingFrequency.WEEKLY) {
            LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            int year = monday.get(IsoFields.WEEK_BASED_YEAR);
            return new ReportingPeriod(frequency, "%d-W%02d".formatted(year, week), monday, monday.plusDays(6),
                    monday.plusDays(Math.min(Math.max(deadlineDay, 1), 7) - 1L));
        }
        YearMonth month = YearMonth.from(date);
        YearMonth next = month.plusMonths(1);
        return new ReportingPeriod(frequency, month.toString(), month.atDay(1), month.atEndOfMonth(),
                next.atDay(Math.min(Math.max(deadlineDay, 1), next.lengthOfMonth())));
    }

    public static ReportingPeriod containing(LocalDate date, CampaignView campaign) {
        return containing(date, campaign.reportingFrequency(), campaign.reportDeadlineDay());
    }

    /** Parses {@code 2026-W23} or {@code 2026-06} for the campaign's frequency; anything else is a 400 ({@link MalformedInput}). */
    public static ReportingPeriod parse(String label, CampaignView campaign) {
        String text = label.trim();
        if (campaign.reportingFrequency() == ReportingFrequency.WEEKLY) {
            Matcher m = WEEK.matcher(text);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                int week = Integer.parseInt(m.group(2));
                LocalDate anyDay = LocalDate.of(year, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1)
                        .with(DayOfWeek.MONDAY);
                if (week >= 1 && week <= anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                    return containing(anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week), campaign);
                }
            }
            throw MalformedInput.of("period", "报送周期“" + abbreviate(text) + "”无效：周报应写作 2026-W23");
        }
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return containing(LocalDate.of(Integer.parseInt(m.group(1)), month, 1), campaign);
            }
        }
        throw MalformedInput.of("period", "报送周期“" + abbreviate(text) + "”无效：月报应写作 2026-06");
    }

    /** Periods overlapping [from, to], oldest first. */
    public static List<ReportingPeriod> between(LocalDate from, LocalDate to, CampaignView campaign) {
        List<ReportingPeriod> periods = new ArrayList<>();
        ReportingPeriod current = containing(from, campaign);
        while (!current.start().isAfter(to)) {
            periods.add(current);
            current = containing(current.end().plusDays(1), campaign);
        }
        return periods;
    }

    public ReportingPeriod previous() {
        return containing(start.minusDays(1), frequency, deadlineDayOf());
    }

    public ReportingPeriod next() {
        return containing(end.plusDays(1), frequency, deadlineDayOf());
    }

    /** 2026年第23周 / 2026年6月. */
    public String displayName() {
        return displayName(label);
    }

    /** The first day of a period label as stored. */
    public static LocalDate startOf(String label) {
        if (label.contains("W")) {
            return LocalDate.of(Integer.parseInt(label.substring(0, 4)), 6, 1)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(label.substring(6))).with(DayOfWeek.MONDAY);
        }
        return YearMonth.parse(label).atDay(1);
    }

    /** The Chinese name of a period label as stored. */
    public static String displayName(String label) {
        if (label.contains("W")) {
            return label.substring(0, 4) + "年第" + Integer.parseInt(label.substring(6)) + "周";
        }
        return label.substring(0, 4) + "年" + Integer.parseInt(label.substring(5)) + "月";
    }

    private int deadlineDayOf() {
        return frequency == ReportingFrequency.WEEKLY ? deadline.getDayOfWeek().getValue() : deadline.getDayOfMonth();
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
