package org.gongjian.pledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The printed 军令状: what it says (read back from the PDF's text with OpenPDF, and with Debian's poppler-utils
 * when installed), that its font travels with it, and that a long task list runs over several numbered pages.
 * Rendered PDFs land in target/screenshots for a person to look at.
 */
class PledgePdfTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant SIGNED_AT = Instant.parse("2026-03-02T01:30:00Z");
    static final String CONTENT_HASH = "3b1f0c6a9d2e4f5a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a";
    static final String CHAIN_HASH = "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b";

    final PledgePdf pdf = new PledgePdf(Clock.fixed(Instant.parse("2026-06-15T02:00:00Z"), SHANGHAI));

    PledgePdfTests() throws IOException {
    }

    @Test
    void signedPledgeShowsItsPartiesTasksTargetsDatesSignersAndHash() throws Exception {
        byte[] bytes = save("pledge-pdf-signed", pdf.render(signed(tasks(3))));
        for (String text : texts(bytes)) {
            assertThat(text).contains("军令状", "重点工作攻坚年2026", "甲镇人民政府", "中共示范县委员会、示范县人民政府",
                    "甲镇人民政府主要负责人", "第1版");
            assertThat(text).contains("农村生活污水治理1", "农村生活污水治理2", "农村生活污水治理3");
            assertThat(text).contains("治理村庄数：由0个达到12个", "2026-11-30", "2026-03-31完成方案编制");
            assertThat(text).contains("张三（镇长）", "王书记（县委书记）", "2026年3月2日");
            assertThat(text).contains(CONTENT_HASH, CHAIN_HASH);
            assertThat(text).contains("确保按时间节点完成目标任务", "年度综合考核中予以加分", "依规依纪追究责任");
            assertThat(text).contains("第1页共1页");
        }
    }

    @Test
    void draftLeavesPlacesToSignAndSaysTheHashComesWithTheSignature() throws Exception {
        byte[] bytes = save("pledge-pdf-draft", pdf.render(document(tasks(2), List.of(), null, null, PledgeStatus.DRAFT, null)));
        for (String text : texts(bytes)) {
            assertThat(text).contains("立状人（签字）", "发令方（签字）", "签署时生成", "待签署")
                    .doesNotContain("张三（镇长）").doesNotContain("电子签署");
            assertThat(text).containsPattern("日期：_{3,}年_{3,}月_{3,}日");
        }
    }

    @Test
    void amendmentShowsItsReasonAndVersion() throws Exception {
        List<PledgeContent.PledgedTask> tasks = new ArrayList<>(tasks(1));
        tasks.add(new PledgeContent.PledgedTask(2, "统筹推进农村生活污水治理（含黑臭水体整治、管网延伸改造），确保出水水质稳定达标，群众满意度明显提升",
                LocalDate.of(2026, 12, 31), List.of(
                        new PledgeContent.PledgedIndicator("黑臭水体", "条", new BigDecimal("7"), BigDecimal.ZERO, "LOWER_IS_BETTER"),
                        new PledgeContent.PledgedIndicator("污水管网", "公里", new BigDecimal("12.5"), new BigDecimal("40.25"),
                                "HIGHER_IS_BETTER")),
                List.of(new PledgeContent.PledgedMilestone("完成管网勘察设计，并报县住建局审核备案", LocalDate.of(2026, 4, 30)),
                        new PledgeContent.PledgedMilestone("主体工程完工，进入试运行", LocalDate.of(2026, 10, 31)))));
        byte[] bytes = save("pledge-pdf-amended", pdf.render(document(tasks, List.of(), null, null, PledgeStatus.DRAFT,
                "上级下达目标调整，增加黑臭水体整治和污水管网延伸两项指标；原定完成时限相应顺延至年底。")));
        for (String text : texts(bytes)) {
            assertThat(text).contains("变更原因：上级下达目标调整", "第2版", "黑臭水体：由7条降至0条",
                    "污水管网：由12.5公里达到40.25公里");
        }
    }

    @Test
    void fontIsEmbedded() throws Exception {
        byte[] bytes = pdf.render(signed(tasks(2)));
        PdfReader reader = new PdfReader(bytes);
        try {
            List<String> fonts = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
                PdfDictionary pageFonts = resources.getAsDict(PdfName.FONT);
                for (PdfName key : pageFonts.getKeys()) {
                    PdfDictionary font = pageFonts.getAsDict(key);
                    String name = font.getAsName(PdfName.BASEFONT).toString();
                    PdfDictionary described = font.getAsArray(PdfName.DESCENDANTFONTS) == null ? font
                            : font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
                    PdfDictionary descriptor = described.getAsDict(PdfName.FONTDESCRIPTOR);
                    assertThat(descriptor).as("font descriptor of %s on page %d (a standard font is never embedded)",
                            name, page).isNotNull();
                    assertThat(Stream.of(PdfName.FONTFILE, PdfName.FONTFILE2, PdfName.FONTFILE3).map(descriptor::get))
                            .as("embedded font program of %s on page %d", name, page).anyMatch(Objects::nonNull);
                    fonts.add(name);
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("NotoSansSC"));
        } finally {
            reader.close();
        }
        String pdffonts = poppler("pdffonts", bytes);
        if (pdffonts != null) {
            List<String> rows = pdffonts.lines().skip(2).filter(l -> !l.isBlank()).toList();
            assertThat(rows).isNotEmpty().allSatisfy(row -> {
                assertThat(row).contains("NotoSansSC");
                assertThat(row.split("\\s+")).as(row).contains("yes");
                // name, type (2 words), encoding, emb, sub, uni, object id: emb is the 5th column
                assertThat(row.split("\\s+")[4]).as("embedded column of %s", row).isEqualTo("yes");
            });
        }
    }

    @Test
    void fortyTasksRunOverNumberedPagesWithTheHeaderRepeated() throws Exception {
        byte[] bytes = save("pledge-pdf-40-tasks", pdf.render(signed(tasks(40))));
        PdfReader reader = new PdfReader(bytes);
        int pages = reader.getNumberOfPages();
        reader.close();
        assertThat(pages).isGreaterThan(1);
        PdfTextExtractor extractor = new PdfTextExtractor(new PdfReader(bytes));
        for (int page = 1; page <= pages; page++) {
            String text = strip(extractor.getTextFromPage(page));
            assertThat(text).as("page %d", page).contains("第" + page + "页共" + pages + "页");
            assertThat(text).as("table header on page %d", page).contains("序号");
        }
        for (String text : texts(bytes)) {
            for (int i = 1; i <= 40; i++) {
                assertThat(text).contains("农村生活污水治理" + i);
            }
            assertThat(text).contains("张三（镇长）", "王书记（县委书记）", CONTENT_HASH);
        }
    }

    @Test
    void numberColumnHeaderDoesNotWrap() throws Exception {
        byte[] bytes = pdf.render(signed(tasks(2)));
        assertThat(new PdfTextExtractor(new PdfReader(bytes)).getTextFromPage(1)).contains("序号");
        String poppler = poppler("pdftotext", bytes);
        if (poppler != null) {
            assertThat(poppler).contains("序号");
        }
    }

    // --- documents -------------------------------------------------------------------------------------------

    static PledgeDocument signed(List<PledgeContent.PledgedTask> tasks) {
        return document(tasks, List.of(
                new PledgeView.SignatureView(SignatureRole.SIGNATORY, 11, "张三（镇长）", SIGNED_AT, "10.0.0.1", CONTENT_HASH),
                new PledgeView.SignatureView(SignatureRole.ISSUER, 12, "王书记（县委书记）", SIGNED_AT.plusSeconds(3600),
                        "10.0.0.2", CONTENT_HASH)), CONTENT_HASH, CHAIN_HASH, PledgeStatus.SIGNED, null);
    }

    static PledgeDocument document(List<PledgeContent.PledgedTask> tasks, List<PledgeView.SignatureView> signatures,
                                   @Nullable String contentHash, @Nullable String chainHash, PledgeStatus status,
                                   @Nullable String reason) {
        int version = reason == null ? 1 : 2;
        PledgeContent content = new PledgeContent("重点工作攻坚年2026", "甲镇人民政府", "甲镇人民政府主要负责人",
                "中共示范县委员会、示范县人民政府", version, tasks,
                "本单位主要负责人作为第一责任人，对下列攻坚任务负总责，确保按时间节点完成目标任务，做到靶心不偏、焦点不散、标准不降、力度不减。",
                "全面完成目标任务的，在年度综合考核中予以加分，并在干部选拔任用中优先考虑。",
                "未完成目标任务的，按照有关规定对单位主要负责人进行约谈、通报批评；造成严重后果的，依规依纪追究责任。", reason);
        return new PledgeDocument(42, version, status, content, signatures, contentHash, chainHash);
    }

    static List<PledgeContent.PledgedTask> tasks(int n) {
        List<PledgeContent.PledgedTask> tasks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            tasks.add(new PledgeContent.PledgedTask(i, "农村生活污水治理" + i, LocalDate.of(2026, 11, 30),
                    List.of(new PledgeContent.PledgedIndicator("治理村庄数", "个", BigDecimal.ZERO, new BigDecimal("12.00"),
                            "HIGHER_IS_BETTER")),
                    List.of(new PledgeContent.PledgedMilestone("完成方案编制", LocalDate.of(2026, 3, 31)))));
        }
        return tasks;
    }

    // --- reading PDFs back -----------------------------------------------------------------------------------

    /** The text without whitespace (line breaks fall anywhere in CJK text), by poppler when present, else OpenPDF. */
    static String text(byte[] pdf) throws IOException {
        String poppler = poppler("pdftotext", pdf);
        return strip(poppler != null ? poppler : openPdfText(pdf));
    }

    /** OpenPDF's reading always; poppler's as well when pdftotext is installed. */
    static List<String> texts(byte[] pdf) throws IOException {
        List<String> texts = new ArrayList<>();
        texts.add(strip(openPdfText(pdf)));
        String poppler = poppler("pdftotext", pdf);
        if (poppler != null) {
            texts.add(strip(poppler));
        }
        return texts;
    }

    static String openPdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    /** Output of a poppler-utils tool on the PDF, or null when the tool is not installed (only this path skips). */
    static @Nullable String poppler(String tool, byte[] pdf) throws IOException {
        File binary = new File("/usr/bin/" + tool);
        if (!binary.canExecute()) {
            System.out.println("[PledgePdfTests] " + binary + " not installed: checking with OpenPDF only");
            return null;
        }
        Path file = Files.createTempFile("pledge", ".pdf");
        try {
            Files.write(file, pdf);
            List<String> command = tool.equals("pdftotext")
                    ? List.of(binary.getPath(), "-enc", "UTF-8", file.toString(), "-")
                    : List.of(binary.getPath(), file.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(tool + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String strip(String text) {
        return text.replaceAll("[\\s\\u3000]+", "");
    }

    private static byte[] save(String name, byte[] pdf) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdf);
        return pdf;
    }
}
