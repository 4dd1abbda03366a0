package org.gongjian.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.rectification.RectificationFixtures.Setup;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.XlsxFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The ledger xlsx: the offices' layout, formula-injection safety, and the all-or-nothing import with per-row errors. */
class LedgerWorkbookTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    RectificationFixtures fixtures;
    @Autowired
    ProblemService problems;

    @Test
    void theExportHasTheOfficesLayoutAndKeepsFormulasInert() throws Exception {
        Setup s = fixtures.setup();
        ProblemCommand evil = new ProblemCommand(s.campaign().id(), s.c().townshipA().id(), ProblemSource.SELF, "机制",
                "=HYPERLINK(\"http://evil\",\"点我\")", Severity.MINOR, LocalDate.of(2026, 6, 1), null, null,
                List.of(new MeasureCommand("@SUM(A1:A9)", null, "+张三", LocalDate.of(2026, 6, 10), "-1"),
                        new MeasureCommand("完善制度", null, "+张三", LocalDate.of(2026, 7, 10), "有制度")));
        ProblemView p = problems.create(evil, s.liaisonA(), s.scopeA());

        byte[] xlsx = mvc.perform(get("/api/v1/problems/ledger.xlsx").param("campaignId", String.valueOf(s.campaign().id()))
                        .header("Authorization", Logins.token(mvc, s.office().getUsername())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheet("整改台账");
            Row head = sheet.getRow(0);
            assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7)).extracting(i -> head.getCell(i).getStringCellValue())
                    .containsExactly("序号", "问题描述", "整改措施", "责任单位", "责任人", "整改时限", "整改进展", "完成情况");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(row.getCell(4).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("1. @SUM(A1:A9)\n2. 完善制度");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(s.c().townshipA().name());
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("2026-06-10\n2026-07-10");
            assertThat(row.getCell(7).getStringCellValue()).startsWith("未整改（0/2项措施完成）").contains("超期：");
        }
        assertThat(p.red()).isTrue();
    }

    @Test
    void anImportWithBadRowsNamesEveryRowAndWritesNothingAGoodOneWritesAll() throws Exception {
        Setup s = fixtures.setup();
        String token = Logins.token(mvc, s.c().liaisonAUser());
        String unit = s.c().townshipA().name();
        byte[] bad = ledger(
                new String[]{"1", "社区工作者不足", "1. 招聘\n2. 培训", unit, "王主任", "2026-08-31", "", ""},
                new String[]{"2", "", "建制度", unit, "王主任", "2026-08-31", "", ""},
                new String[]{"3", "议事协商不规范", "建立议事规则", s.c().townshipB().name(), "李四", "2026-08-31", "", ""},
                new String[]{"4", "物业管理缺位", "引入物业", unit, "张三", "八月底", "", ""});
        mvc.perform(multipart("/api/v1/problems/import").file(new MockMultipartFile("file", "台账.xlsx", LedgerApiController.XLSX, bad))
                        .param("campaignId", String.valueOf(s.campaign().id())).header("Authorization", token))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("问题描述"))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("责任单位"))
                .andExpect(jsonPath("$.errors[2].row").value(5))
                .andExpect(jsonPath("$.errors[2].field").value("整改时限"));
        assertThat(count(s)).isZero();

        byte[] good = ledger(
                new String[]{"1", "社区工作者不足", "1. 招聘\n2. 培训", unit, "王主任", "2026-08-31\n2026-09-30", "已发公告", "整改中"},
                new String[]{"2", "物业管理缺位", "引入物业", unit, "张三", "2026-10-31", "", ""});
        mvc.perform(multipart("/api/v1/problems/import").file(new MockMultipartFile("file", "台账.xlsx", LedgerApiController.XLSX, good))
                        .param("campaignId", String.valueOf(s.campaign().id())).header("Authorization", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        List<ProblemView> imported = problems.ledger(new ProblemService.Filter(s.campaign().id(), null, null, null, false),
                DataScope.everything(), 10);
        assertThat(imported).hasSize(2);
        ProblemView first = imported.stream().filter(p -> p.description().equals("社区工作者不足")).findFirst().orElseThrow();
        assertThat(first.source()).isEqualTo(ProblemSource.SELF);
        assertThat(first.measures()).extracting(MeasureView::description).containsExactly("招聘", "培训");
        assertThat(first.measures()).extracting(MeasureView::deadline)
                .containsExactly(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 30));
        assertThat(problems.problem(first.id(), DataScope.everything()).steps())
                .anySatisfy(st -> assertThat(st.reason()).isEqualTo("整改进展：已发公告；完成情况：整改中"));
    }

    private long count(Setup s) {
        return problems.problems(new ProblemService.Filter(s.campaign().id(), null, null, null, false),
                DataScope.everything(), new PageQuery(0, 10)).total();
    }

    private static byte[] ledger(String[]... rows) throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet sheet = wb.createSheet("整改台账");
        Row head = sheet.createRow(0);
        for (int i = 0; i < LedgerWorkbook.COLUMNS.size(); i++) {
            head.createCell(i).setCellValue(LedgerWorkbook.COLUMNS.get(i));
        }
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < rows[r].length; i++) {
                row.createCell(i).setCellValue(rows[r][i]);
            }
        }
        return XlsxFiles.write(wb);
    }
}
