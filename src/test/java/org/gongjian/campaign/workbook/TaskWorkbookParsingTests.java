package org.gongjian.campaign.workbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the task-list workbook reads what people type into cells: dates, numbers, lists and milestones. */
class TaskWorkbookParsingTests {

    @Test
    void readsDatesAsPeopleTypeThem() {
        LocalDate expected = LocalDate.of(2026, 3, 31);
        for (String text : List.of("2026-03-31", "2026/3/31", "2026.3.31", "2026年3月31日", "2026年3月31", " 2026-3-31 ")) {
            assertThat(TaskWorkbook.parseDate(text, false)).as(text).contains(expected);
        }
        assertThat(TaskWorkbook.parseDate("2026年6月", true)).contains(LocalDate.of(2026, 6, 30));
        assertThat(TaskWorkbook.parseDate("2026-02", true)).contains(LocalDate.of(2026, 2, 28));
        assertThat(TaskWorkbook.parseDate("2026年6月", false)).contains(LocalDate.of(2026, 6, 1));
        for (String bad : List.of("2026-13-45", "2026-02-30", "下月底", "31/03/2026", "2026", "45000")) {
            assertThat(TaskWorkbook.parseDate(bad, true)).as(bad).isEmpty();
        }
    }

    @Test
    void readsNumbersWithGroupingAndPercentSigns() {
        assertThat(TaskWorkbook.parseNumber("1,200")).contains(new BigDecimal("1200"));
        assertThat(TaskWorkbook.parseNumber("95%")).contains(new BigDecimal("95"));
        assertThat(TaskWorkbook.parseNumber("-3.5")).contains(new BigDecimal("-3.5"));
        assertThat(TaskWorkbook.parseNumber("1E-04").map(BigDecimal::doubleValue)).contains(0.0001);
        assertThat(TaskWorkbook.parseNumber(".5")).contains(new BigDecimal(".5"));
        for (String bad : List.of("很多", "12万", "1.2.3", "", "%", "１２")) {
            assertThat(TaskWorkbook.parseNumber(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void splitsUnitListsOnChineseAndAsciiSeparators() {
        assertThat(TaskWorkbook.splitList("发改局、财政局，住建局,交通局；水利局")).containsExactly("发改局", "财政局", "住建局",
                "交通局", "水利局");
        assertThat(TaskWorkbook.splitList(" 、 ")).isEmpty();
    }

    @Test
    void readsMilestonesSeparatedBySemicolons() {
        List<TaskWorkbook.MilestoneText> milestones = TaskWorkbook.parseMilestones(
                "2026-03-31 完成项目签约；2026/6/30开工建设;2026年9月 主体完工\n2026年12月31日：竣工验收；；");
        assertThat(milestones).extracting(TaskWorkbook.MilestoneText::dueDate).containsExactly(
                Optional.of(LocalDate.of(2026, 3, 31)), Optional.of(LocalDate.of(2026, 6, 30)),
                Optional.of(LocalDate.of(2026, 9, 30)), Optional.of(LocalDate.of(2026, 12, 31)));
        assertThat(milestones).extracting(TaskWorkbook.MilestoneText::title)
                .containsExactly("完成项目签约", "开工建设", "主体完工", "竣工验收");
        TaskWorkbook.MilestoneText undated = TaskWorkbook.parseMilestones("下月底完成签约").get(0);
        assertThat(undated.dueDate()).isEmpty();
        assertThat(TaskWorkbook.parseMilestones("2026-03-31").get(0).title()).isEmpty();
    }

    @Test
    void namesUnitsAndLeadersTheWayTheImportReadsThem() {
        assertThat(TaskWorkbook.unitLabel("城关镇", "C01", false)).isEqualTo("城关镇");
        assertThat(TaskWorkbook.unitLabel("城关镇", "C01", true)).isEqualTo("城关镇（C01）");
        assertThat(TaskWorkbook.bracketed("城关镇（C01）")).hasValueSatisfying(p -> assertThat(p).containsExactly("城关镇", "C01"));
        assertThat(TaskWorkbook.bracketed("城关镇(C01)")).hasValueSatisfying(p -> assertThat(p).containsExactly("城关镇", "C01"));
        assertThat(TaskWorkbook.bracketed("城关镇")).isEmpty();
        assertThat(TaskWorkbook.leaderLabel("王五", "县长")).isEqualTo("王五（县长）");
    }

    @Test
    void recognisesTextExcelWouldRunAsAFormula() {
        for (String text : List.of("=1+1", "+86", "-5", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(TaskWorkbook.looksLikeFormula(text)).as(text).isTrue();
        }
        for (String text : List.of("修路", "", "1+1", "（=）")) {
            assertThat(TaskWorkbook.looksLikeFormula(text)).as(text).isFalse();
        }
    }
}
