package org.gongjian.briefing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The cap on the unit tables: a county's units all fit; a city's are the worst and the best with a line saying how
 * many are left out and where they are, and the figures still count every unit.
 */
class BriefingTablesTests {

    @Test
    void aSmallTreeListsEveryUnitInItsOrderAndSaysNothingIsLeftOut() {
        BriefingData d = BriefingSamples.november(true);
        BriefingTables.Listing units = BriefingTables.units(d);
        assertThat(units.lead()).isNull();
        assertThat(units.rest()).isNull();
        assertThat(units.blocks()).hasSize(1);
        assertThat(units.blocks().get(0).caption()).isNull();
        assertThat(units.blocks().get(0).rows()).extracting(r -> r[1]).containsExactly("城关镇", "青山镇", "河西乡", "县发展和改革局");
        // no summary by subordinate unit (and every briefing published before it): the header says 牵头单位, as printed then
        assertThat(BriefingTables.unitHeader(d)[1]).isEqualTo("牵头单位");
        BriefingTables.Listing reporting = BriefingTables.reporting(d);
        assertThat(reporting.rest()).isNull();
        assertThat(reporting.blocks().get(0).rows()).extracting(r -> r[1]).containsExactly("青山镇", "城关镇");
        assertThat(BriefingTables.reportingSentence(d)).endsWith("1个单位全部按时报送。逾期或未报送的单位如下：");
    }

    @Test
    void upToTheCapEveryUnitIsListed() {
        BriefingData d = BriefingSamples.city(BriefingTables.ALL_UNITS_UP_TO);
        BriefingTables.Listing units = BriefingTables.units(d);
        assertThat(units.blocks()).hasSize(1);
        assertThat(units.blocks().get(0).rows()).hasSize(BriefingTables.ALL_UNITS_UP_TO);
        assertThat(units.rest()).isNull();
        assertThat(BriefingTables.reporting(d).blocks().get(0).rows()).hasSize(BriefingTables.ALL_UNITS_UP_TO);
        assertThat(BriefingTables.reporting(d).rest()).isNull();
    }

    @Test
    void aLargeTreeListsTheMostRedAndTheBestAndCountsTheOthers() {
        BriefingData d = BriefingSamples.city(100);
        BriefingTables.Listing units = BriefingTables.units(d);
        assertThat(units.blocks()).hasSize(2);
        List<String[]> worst = units.blocks().get(0).rows();
        List<String[]> best = units.blocks().get(1).rows();
        assertThat(worst).hasSize(BriefingTables.WORST_UNITS);
        assertThat(best).hasSize(BriefingTables.BEST_UNITS);
        // 14 units have 6 red tasks (i % 7 == 6), the 15th the most red of those with 5: the first by name, 村12
        assertThat(worst).extracting(r -> r[5]).containsOnly("6", "5").startsWith("6").endsWith("5");
        assertThat(worst.get(0)[1]).isEqualTo("村13");
        assertThat(worst.get(14)[1]).isEqualTo("村12");
        assertThat(worst).extracting(r -> r[0]).startsWith("1", "2").endsWith("15");
        // 15 units have none red (i % 7 == 0), alike in all else: by name, as strings (村14 before 村7)
        assertThat(best).extracting(r -> r[5]).containsOnly("0");
        assertThat(best).extracting(r -> r[1]).containsExactly("村14", "村21", "村28", "村35", "村42");
        assertThat(Arrays.stream(new String[] {units.lead(), units.rest()})).doesNotContainNull();
        assertThat(units.lead()).isEqualTo("共有100个牵头单位的任务已亮灯（共2000项，含分解到各单位的子任务），其中85个单位有红灯任务。"
                + "单位较多，以下列出红灯任务最多的15个单位和进展最好的5个单位。");
        assertThat(units.rest()).startsWith("其余80个单位未列出，").contains("领导驾驶舱", "xlsx");
    }

    @Test
    void withFewUnitsInRedOnlyThoseAreListedAsTheWorst() {
        BriefingData d = redOnlyIn(BriefingSamples.city(BriefingTables.ALL_UNITS_UP_TO + 1), 1006, 1013, 1020);
        BriefingTables.Listing units = BriefingTables.units(d);
        assertThat(units.blocks()).hasSize(2);
        assertThat(units.blocks().get(0).caption()).isEqualTo("有红灯任务的3个单位：");
        assertThat(units.blocks().get(0).rows()).extracting(r -> r[1]).containsExactlyInAnyOrder("村6", "村13", "镇20");
        assertThat(units.blocks().get(0).rows()).extracting(r -> r[5]).doesNotContain("0");
        assertThat(units.blocks().get(1).rows()).hasSize(BriefingTables.BEST_UNITS).extracting(r -> r[5]).containsOnly("0");
        assertThat(units.lead()).contains("其中3个单位有红灯任务", "以下列出有红灯任务的3个单位和进展最好的5个单位");
        assertThat(units.rest()).startsWith("其余53个单位未列出，");
    }

    @Test
    void withNoUnitInRedNoneIsListedAsTheWorst() {
        BriefingData d = redOnlyIn(BriefingSamples.city(BriefingTables.ALL_UNITS_UP_TO + 1));
        BriefingTables.Listing units = BriefingTables.units(d);
        assertThat(units.blocks()).hasSize(1);
        assertThat(units.blocks().get(0).caption()).startsWith("进展最好的5个单位");
        assertThat(units.lead()).contains("没有单位有红灯任务", "以下列出进展最好的5个单位").doesNotContain("红灯任务最多");
        assertThat(units.rest()).startsWith("其余56个单位未列出，");
    }

    /** The sample with red tasks only in the given units (the others' red counted as yellow). */
    private static BriefingData redOnlyIn(BriefingData d, long... unitIds) {
        java.util.Set<Long> red = Arrays.stream(unitIds).boxed().collect(java.util.stream.Collectors.toSet());
        List<BriefingData.UnitLights> units = d.units().stream().map(u -> red.contains(u.unitId()) ? u
                : new BriefingData.UnitLights(u.unitId(), u.unitName(), u.kind(), u.total(), u.green(),
                        u.yellow() + u.red(), 0, u.done())).toList();
        return new BriefingData(d.campaignId(), d.campaignName(), d.period(), d.head(), d.figures(), units, d.redTasks(),
                d.notices(), d.reporting(), d.rankings(), d.narrative(), d.redTasksLeftOut());
    }

    @Test
    void aLargeTreeListsTheUnitsMostBehindWithTheirReports() {
        BriefingData d = BriefingSamples.city(100);
        BriefingTables.Listing reporting = BriefingTables.reporting(d);
        assertThat(reporting.blocks()).hasSize(1);
        List<String[]> rows = reporting.blocks().get(0).rows();
        assertThat(rows).hasSize(BriefingTables.WORST_REPORTING);
        // 17 units have 3 reports not in (i % 6 == 2), then those with 2, the late ones (i % 6 == 5) first
        assertThat(rows).extracting(r -> r[5]).startsWith("3").endsWith("2").containsOnly("3", "2");
        assertThat(rows.get(17)).containsExactly("18", "村11", "4", "1", "1", "2");
        assertThat(reporting.rest()).startsWith("其余80个逾期或未报送的单位未列出，");
        assertThat(BriefingTables.reportingSentence(d)).contains("未报送" + d.figures().missing() + "份")
                .endsWith("0个单位全部按时报送。100个单位逾期或未报送，以下列出未报送、逾期最多的20个：");
    }
}
