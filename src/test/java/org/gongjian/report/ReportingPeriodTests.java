package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** Periods at their boundaries: ISO weeks across years, month ends, deadlines and lateness in Asia/Shanghai. */
class ReportingPeriodTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final CampaignView WEEKLY = campaign(ReportingFrequency.WEEKLY, 5);
    private static final CampaignView MONTHLY = campaign(ReportingFrequency.MONTHLY, 5);

    @Test
    void aWeekRunsMondayToSundayAndIsDueOnItsFriday() {
        ReportingPeriod week = ReportingPeriod.containing(LocalDate.of(2026, 6, 3), WEEKLY);
        assertThat(week.label()).isEqualTo("2026-W23");
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(week.end()).isEqualTo(LocalDate.of(2026, 6, 7));
        assertThat(week.deadline()).isEqualTo(LocalDate.of(2026, 6, 5));
        assertThat(week.displayName()).isEqualTo("2026年第23周");
        assertThat(ReportingPeriod.containing(LocalDate.of(2026, 6, 7), WEEKLY).label()).isEqualTo("2026-W23");
        assertThat(ReportingPeriod.containing(LocalDate.of(2026, 6, 8), WEEKLY).label()).isEqualTo("2026-W24");
    }

    @Test
    void weeksAroundTheNewYearBelongToTheirIsoYear() {
        // 2026 starts on a Thursday, so it has 53 ISO weeks; 1 January 2027 still lies in 2026-W53.
        assertThat(ReportingPeriod.containing(LocalDate.of(2026, 12, 31), WEEKLY).label()).isEqualTo("2026-W53");
        assertThat(ReportingPeriod.containing(LocalDate.of(2027, 1, 1), WEEKLY).label()).isEqualTo("2026-W53");
        assertThat(ReportingPeriod.containing(LocalDate.of(2027, 1, 4), WEEKLY).label()).isEqualTo("2027-W01");
        // 30 December 2024 is the Monday of 2025-W01.
        assertThat(ReportingPeriod.containing(LocalDate.of(2024, 12, 30), WEEKLY).label()).isEqualTo("2025-W01");
        assertThat(ReportingPeriod.parse("2026-W53", WEEKLY).start()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(ReportingPeriod.parse("2026-W01", WEEKLY).start()).isEqualTo(LocalDate.of(2025, 12, 29));
    }

    @Test
    void aMonthIsDueOnTheCampaignsDayOfTheNextMonth() {
        ReportingPeriod june = ReportingPeriod.containing(LocalDate.of(2026, 6, 30), MONTHLY);
        assertThat(june.label()).isEqualTo("2026-06");
        assertThat(june.deadline()).isEqualTo(LocalDate.of(2026, 7, 5));
        assertThat(june.displayName()).isEqualTo("2026年6月");
        ReportingPeriod december = ReportingPeriod.parse("2026-12", MONTHLY);
        assertThat(december.end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(december.deadline()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(december.next().label()).isEqualTo("2027-01");
        assertThat(december.previous().label()).isEqualTo("2026-11");
    }

    @Test
    void periodsBetweenTwoDatesCoverBothEnds() {
        List<ReportingPeriod> periods = ReportingPeriod.between(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 4, 1), MONTHLY);
        assertThat(periods).extracting(ReportingPeriod::label).containsExactly("2026-01", "2026-02", "2026-03", "2026-04");
    }

    @Test
    void malformedOrImpossiblePeriodsAreRefused() {
        for (String bad : List.of("2026-W54", "2027-W53", "2026-W00", "2026-06", "abc", "2026-W2", "'; DROP TABLE x;--")) {
            assertThatThrownBy(() -> ReportingPeriod.parse(bad, WEEKLY)).as(bad).isInstanceOf(InvalidInput.class);
        }
        for (String bad : List.of("2026-13", "2026-00", "2026-W23", "2026-6", "")) {
            assertThatThrownBy(() -> ReportingPeriod.parse(bad, MONTHLY)).as(bad).isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void lateIsJudgedOnTheShanghaiCalendarNotTheServers() {
        LocalDate deadline = LocalDate.of(2026, 7, 5);
        // 23:59:59 on the deadline day in Shanghai is 15:59:59 UTC: on time.
        assertThat(ReportPeriods.lateAt(deadline, Instant.parse("2026-07-05T15:59:59Z"), SHANGHAI)).isFalse();
        // One second later it is 6 July in Shanghai, though still 5 July in UTC and in New York: late.
        Instant midnight = Instant.parse("2026-07-05T16:00:00Z");
        assertThat(ReportPeriods.lateAt(deadline, midnight, SHANGHAI)).isTrue();
        assertThat(ReportPeriods.lateAt(deadline, midnight, ZoneId.of("UTC"))).isFalse();
        // Early morning of the deadline day in Shanghai is still the previous day in UTC: on time either way.
        assertThat(ReportPeriods.lateAt(deadline, Instant.parse("2026-07-04T17:00:00Z"), SHANGHAI)).isFalse();
    }

    private static CampaignView campaign(ReportingFrequency frequency, int deadlineDay) {
        return new CampaignView(1, "测试", 2026, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 1, "县",
                null, frequency, deadlineDay, CampaignView.Thresholds.defaults(), List.of(), false);
    }
}
