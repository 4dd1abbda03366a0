package org.gongjian.briefing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class BriefingPeriodTests {

    @Test
    void readsAMonthWrittenYearDashMonth() {
        BriefingPeriod p = BriefingPeriod.parse("2026-11");
        assertThat(p.month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(p.chinese()).isEqualTo("2026年11月");
        assertThat(p.end()).hasDayOfMonth(30);
        assertThat(BriefingText.title(p)).isEqualTo("关于2026年11月重点工作攻坚推进情况的通报");
        assertThat(BriefingText.number("示攻坚办", 2026, 11)).isEqualTo("示攻坚办〔2026〕11号");
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-W23", "garbage", ""}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> BriefingPeriod.parse(bad));
        }
    }

    @Test
    void namesAtMostFiveUnitsAndCountsTheRest() {
        assertThat(BriefingText.named(java.util.List.of("甲", "乙", "丙", "丁", "戊", "己", "庚"))).isEqualTo("甲、乙、丙、丁、戊等7个单位");
        assertThat(BriefingText.named(java.util.List.of("甲", "乙"))).isEqualTo("甲、乙等2个单位");
    }

    @Test
    void commendsOnlyUnitsWithoutRedOrYellowAndWithEveryReportOnTime() {
        BriefingData d = BriefingSamples.november(false);
        // 河西乡: all green, all six reports on time; 县发展和改革局 has a yellow; 城关镇 and 青山镇 reds
        assertThat(BriefingText.defaultCommendations(d.units(), d.reporting())).isEqualTo(
                "对河西乡任务全部绿灯或已完成、进度按时报送的单位予以通报表扬。");
    }
}
