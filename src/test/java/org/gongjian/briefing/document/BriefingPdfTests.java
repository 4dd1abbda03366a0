package org.gongjian.briefing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

/** The PDF says what the data says: figures, units, red tasks with reasons, notices, rankings or their note. */
class BriefingPdfTests {

    final BriefingPdf pdf = new BriefingPdf(new BriefingCharts());

    static String text(byte[] bytes) throws IOException {
        try (PdfReader reader = new PdfReader(bytes)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(extractor.getTextFromPage(page)).append('\n');
            }
            return all.toString().replaceAll("\\s+", "");
        }
    }

    @Test
    void printsTheHeadTheFiguresAndEverySection() throws IOException {
        BriefingData d = BriefingSamples.november(true);
        byte[] bytes = pdf.render(d, true);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/briefing-sample.pdf"), bytes);
        String text = text(bytes);
        assertThat(text).contains("示范县重点工作攻坚年领导小组办公室", "示攻坚办〔2026〕11号",
                "关于2026年11月重点工作攻坚推进情况的通报", "共有攻坚任务48项", "绿灯30项", "黄灯9项", "红灯6项",
                "已完成3项", "平均进度67.4%", "应报送进度120份", "按时报送101份", "逾期报送12份", "未报送7份",
                "城关镇老旧小区改造（第二批）", "王建国", "落后计划轨迹24%", "催办3件", "督办2件", "河西乡", "96.5",
                "71.25", "2026年12月3日");
        for (String section : BriefingTables.SECTIONS) {
            assertThat(text).contains(section.replaceAll("\\s+", ""));
        }
        assertThat(text).doesNotContain("草　稿", "其余");
    }

    @Test
    void withoutRankingsTheSectionSaysWhyAndADraftSaysDraft() throws IOException {
        String text = text(pdf.render(BriefingSamples.november(false), false));
        assertThat(text).contains(BriefingText.NO_RANKINGS, "草　稿").doesNotContain("红榜（前列）");
    }

    @Test
    void aCitysUnitTablesAreTheWorstAndTheBestWithALineForTheOthers() throws IOException {
        byte[] bytes = pdf.render(BriefingSamples.city(1330), false);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/briefing-city-sample.pdf"), bytes);
        String text = text(bytes);
        assertThat(text).contains("共有1330个牵头单位的任务已亮灯（共26600项", "红灯任务最多的15个单位：", "进展最好的5个单位",
                "其余1310个单位未列出，", "其余1310个逾期或未报送的单位未列出，", "1330个单位逾期或未报送", "村1007")
                .doesNotContain("村1324");
        try (PdfReader reader = new PdfReader(bytes)) {
            assertThat(reader.getNumberOfPages()).isLessThanOrEqualTo(8);
        }
    }
}
