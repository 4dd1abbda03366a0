package org.gongjian.briefing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A county has several 新村 in different townships (a city ten 金山镇): the briefing keeps them apart, each row with
 * its own figures, and names a unit whose name another unit of the briefing shares with its parent's name.
 */
class BriefingUnitNamesTests extends IntegrationTest {

    static final BriefingPeriod JUNE = BriefingPeriod.parse("2026-06");
    static final DataScope ALL = DataScope.everything();

    @Autowired OrgFixtures fixtures;
    @Autowired OrgService org;
    @Autowired BulkLitTasks bulk;
    @Autowired BriefingService briefings;

    @Test
    void twoUnitsOfTheSameNameAreTwoRowsWithTheirOwnFiguresEachNamedWithItsParent() {
        OrgFixtures.County c = fixtures.county();
        String name = "新村" + c.tag();
        long inA = org.createUnit(new UnitCommand(name, UnitKind.VILLAGE, c.townshipA().id(), "KAN" + c.tag()), ALL).id();
        long inB = org.createUnit(new UnitCommand(name, UnitKind.VILLAGE, c.townshipB().id(), "KBN" + c.tag()), ALL).id();
        // round-robin over A, B, B, the department: 4, 8 and 4 tasks; A one red, B one red and one done, the department one done
        long campaign = bulk.campaign("同名" + c.tag(), c.county().id(), List.of(inA, inB, inB, c.department().id()), 16);
        String inAShown = name + "（" + c.townshipA().name() + "）";
        String inBShown = name + "（" + c.townshipB().name() + "）";
        String dept = c.department().name();

        BriefingData d = briefings.briefing(campaign, JUNE, ALL).data();

        assertThat(d.units()).extracting(BriefingData.UnitLights::unitId, BriefingData.UnitLights::shown,
                        BriefingData.UnitLights::total, BriefingData.UnitLights::red, BriefingData.UnitLights::done)
                .containsExactlyInAnyOrder(tuple(inA, inAShown, 4L, 1L, 0L), tuple(inB, inBShown, 8L, 1L, 1L),
                        tuple(c.department().id(), dept, 4L, 0L, 1L));
        assertThat(d.reporting()).extracting(BriefingData.UnitPunctuality::unitId, BriefingData.UnitPunctuality::shown,
                        BriefingData.UnitPunctuality::expected, BriefingData.UnitPunctuality::missing)
                .containsExactlyInAnyOrder(tuple(inA, inAShown, 4, 4), tuple(inB, inBShown, 8, 8),
                        tuple(c.department().id(), dept, 4, 4));
        // first the units directly under the county with their villages' tasks, then the lead units themselves —
        // but not the department again, whose own tasks are its whole subtree's (the same row)
        assertThat(BriefingTables.units(d).blocks().get(0).rows()).extracting(r -> r[1], r -> r[2])
                .containsExactly(tuple(c.townshipB().name(), "8"), tuple(c.townshipA().name(), "4"), tuple(dept, "4"));
        assertThat(BriefingTables.units(d).blocks().get(1).rows()).extracting(r -> r[1], r -> r[2])
                .containsExactlyInAnyOrder(tuple(inAShown, "4"), tuple(inBShown, "8"));
        assertThat(BriefingTables.reporting(d).blocks().get(0).rows()).extracting(r -> r[1], r -> r[2])
                .containsExactlyInAnyOrder(tuple(inAShown, "4"), tuple(inBShown, "8"), tuple(dept, "4"));
        // the chart the same: one bar per unit under the county, its villages' tasks in it
        var bars = BriefingCharts.dataset(BriefingCharts.barUnits(d).units());
        assertThat(bars.getColumnKeys()).containsExactlyInAnyOrder(c.townshipA().name(), c.townshipB().name(), dept);
        assertThat(bars.getValue("已完成", c.townshipB().name()).intValue()).isEqualTo(1);
        assertThat(bars.getValue("红灯", c.townshipA().name()).intValue()).isEqualTo(1);
        assertThat(bars.getValue("已完成", c.townshipA().name()).intValue()).isZero();
        assertThat(d.redTasks()).extracting(BriefingData.RedTask::leadUnit).containsExactlyInAnyOrder(inAShown, inBShown);
        assertThat(d.narrative().nextSteps()).contains(inAShown, inBShown, "等2个单位的2项红灯任务");
    }

    @Test
    void aNameIsShownWithAsManyAncestorsAsTellTheUnitsApartAndAUniqueNameAsItIs() {
        java.util.Map<Long, String> names = java.util.Map.of(1L, "金山镇", 2L, "金山镇", 3L, "新村", 4L, "新村", 5L, "城关镇");
        java.util.Map<Long, List<String>> up = java.util.Map.of(1L, List.of("青山县", "示范市"), 2L, List.of("河西县", "示范市"),
                3L, List.of("金山镇", "青山县", "示范市"), 4L, List.of("金山镇", "河西县", "示范市"), 5L, List.of("青山县", "示范市"));
        List<java.util.Collection<Long>> asked = new java.util.ArrayList<>();

        java.util.Map<Long, String> labels = UnitLabels.of(names, ids -> {
            asked.add(ids);
            return up;
        });

        assertThat(labels).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(1L, "金山镇（青山县）", 2L, "金山镇（河西县）",
                3L, "新村（青山县金山镇）", 4L, "新村（河西县金山镇）", 5L, "城关镇"));
        assertThat(asked).singleElement().satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(1L, 2L, 3L, 4L));
        assertThat(UnitLabels.of(java.util.Map.of(5L, "城关镇"), ids -> {
            throw new AssertionError("no ancestors needed when every name is unique");
        })).containsEntry(5L, "城关镇");
    }

    @Test
    void aUnitBehindWithItsReportsDoesNotKeepAnotherOfTheSameNameFromBeingCommended() {
        List<BriefingData.UnitLights> units = List.of(
                new BriefingData.UnitLights(1, "新村", "VILLAGE", 3, 3, 0, 0, 0, "新村（甲镇）"),
                new BriefingData.UnitLights(2, "新村", "VILLAGE", 3, 3, 0, 0, 0, "新村（乙镇）"));
        List<BriefingData.UnitPunctuality> reporting = List.of(
                new BriefingData.UnitPunctuality(1, "新村", 3, 0, 0, 3, "新村（甲镇）"),
                new BriefingData.UnitPunctuality(2, "新村", 3, 3, 0, 0, "新村（乙镇）"));

        assertThat(BriefingText.defaultCommendations(units, reporting)).isEqualTo(
                "对新村（乙镇）任务全部绿灯或已完成、进度按时报送的单位予以通报表扬。");
    }

    @Test
    void theWordFileAndThePdfPrintSameNamedUnitsWithTheirParents() throws java.io.IOException {
        BriefingCharts charts = new BriefingCharts();
        byte[] docx = new BriefingDocx(charts).render(BriefingSamples.sameNames(), false);
        byte[] pdf = new BriefingPdf(charts).render(BriefingSamples.sameNames(), false);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/briefing-same-names.docx"), docx);
        java.nio.file.Files.write(java.nio.file.Path.of("target/briefing-same-names.pdf"), pdf);
        for (String text : List.of(BriefingDocxTests.text(docx), BriefingPdfTests.text(pdf))) {
            assertThat(text).contains("金山镇（青山县）", "金山镇（河西县）", "新村（青山县金山镇）", "新村（河西县金山镇）");
        }
    }

    @Test
    void theRankingsNameSameNamedUnitsAsTheRestOfTheBriefing() {
        BriefingData.Rankings ranked = new BriefingData.Rankings(List.of(new BriefingData.RankingGroup("乡镇（街道）",
                List.of(new BriefingData.Ranked(1, 1, "金山镇", new java.math.BigDecimal("96.5"), null)),
                List.of(new BriefingData.Ranked(10, 2, "金山镇", new java.math.BigDecimal("61"), null)))));

        BriefingData.Rankings shown = BriefingAssembler.labelled(ranked, java.util.Map.of(1L, "金山镇（青山县）", 2L, "金山镇（河西县）"));

        assertThat(BriefingTables.ranking(shown.groups().get(0).top())).extracting(r -> r[1]).containsExactly("金山镇（青山县）");
        assertThat(BriefingTables.ranking(shown.groups().get(0).bottom())).extracting(r -> r[1]).containsExactly("金山镇（河西县）");
    }

    @Test
    void aBriefingFrozenBeforeTheUnitIdsReadsItsNamesAsShown() {
        BriefingData.UnitPunctuality old = CanonicalJson.read(
                "{\"expected\":7,\"late\":1,\"missing\":3,\"onTime\":3,\"unitName\":\"青山镇\"}", BriefingData.UnitPunctuality.class);
        BriefingData.UnitLights lights = CanonicalJson.read("{\"done\":0,\"green\":4,\"kind\":\"TOWNSHIP\",\"red\":1,"
                + "\"total\":7,\"unitId\":2,\"unitName\":\"青山镇\",\"yellow\":2}", BriefingData.UnitLights.class);

        assertThat(old.unitId()).isZero();
        assertThat(old.shown()).isEqualTo("青山镇");
        assertThat(lights.shown()).isEqualTo("青山镇");
    }
}
