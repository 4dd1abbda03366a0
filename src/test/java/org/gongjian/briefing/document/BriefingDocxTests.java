package org.gongjian.briefing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** The Word file: the red 文头 and rule, the figures, the tables, the charts as pictures, rankings or their note. */
class BriefingDocxTests {

    final BriefingDocx docx = new BriefingDocx(new BriefingCharts());

    static String text(byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText().replaceAll("\\s+", "");
        }
    }

    @Test
    void readsLikeTheBriefing() throws IOException {
        byte[] bytes = docx.render(BriefingSamples.november(true), true);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/briefing-sample.docx"), bytes);
        String text = text(bytes);
        assertThat(text).contains("示范县重点工作攻坚年领导小组办公室", "示攻坚办〔2026〕11号",
                "关于2026年11月重点工作攻坚推进情况的通报", "共有攻坚任务48项", "红灯6项", "平均进度67.4%",
                "未报送7份", "城关镇老旧小区改造（第二批）", "落后计划轨迹24%", "催办3件、督办2件", "96.5", "71.25",
                "—", "2026年12月3日").doesNotContain("草稿", "其余");
        for (String section : BriefingTables.SECTIONS) {
            assertThat(text).contains(section);
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            XWPFParagraph head = doc.getParagraphs().get(0);
            assertThat(head.getText()).isEqualTo("示范县重点工作攻坚年领导小组办公室");
            assertThat(head.getRuns().get(0).getColor()).isEqualTo("C8102E");
            assertThat(doc.getParagraphs().get(1).getCTP().getPPr().getPBdr().getBottom().xgetColor().getStringValue()).isEqualToIgnoringCase("C8102E");
            assertThat(doc.getAllPictures()).hasSize(2);
            // units, red list, late reporters, red and black list
            assertThat(doc.getTables()).hasSize(5);
            assertThat(doc.getTables().get(0).getRow(1).getCell(1).getText()).isEqualTo("城关镇");
            assertThat(doc.getTables().get(0).getRow(1).getCell(5).getText()).isEqualTo("3");
        }
    }

    @Test
    void aDraftSaysSoAndLeavesTheNumberOpenAndRankingsOutWithANote() throws IOException {
        BriefingData d = BriefingSamples.november(false);
        d = d.withHead(new BriefingData.Head(d.head().issuingUnit(), null, d.head().issuedOn(), d.head().title(),
                d.head().addressee()));
        String text = text(docx.render(d, false));
        assertThat(text).contains("草稿", "〔2026〕", BriefingText.NO_RANKINGS).doesNotContain("11号", "红榜（前列）");
    }

    @Test
    void aCitysUnitTablesAreTheWorstAndTheBestWithALineForTheOthers() throws IOException {
        byte[] bytes = docx.render(BriefingSamples.city(1330), false);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/briefing-city-sample.docx"), bytes);
        String text = text(bytes);
        assertThat(text).contains("共有1330个牵头单位的任务已亮灯（共26600项", "红灯任务最多的15个单位：", "进展最好的5个单位",
                "其余1310个单位未列出，", "其余1310个逾期或未报送的单位未列出，", "1330个单位逾期或未报送");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            // worst units, best units, red tasks, units behind with their reports: a header and the rows each
            assertThat(doc.getTables()).extracting(t -> t.getNumberOfRows())
                    .containsExactly(1 + BriefingTables.WORST_UNITS, 1 + BriefingTables.BEST_UNITS,
                            1 + BriefingAssembler.RED_LISTED, 1 + BriefingTables.WORST_REPORTING);
        }
    }
}
