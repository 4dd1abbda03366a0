package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.XlsxFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * Bulk progress reports (进度报送批量填报): the unit's pre-filled workbook, the all-or-nothing import that starts
 * or updates each task's draft (and submits when asked), every bad row named by row and column, formula-safe text.
 */
class ReportWorkbookTests extends IntegrationTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("任务编号", "任务名称", "指标", "计量单位", "目标值", "上期实际值",
            "本期实际值", "进展情况", "存在问题", "下步打算", "本期完成节点");
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"点我\")";

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired ReportService reports;
    @Autowired JdbcClient jdbc;

    ReportFixtures.Setup s;
    String liaison;
    TaskView roads;     // two indicators
    TaskView plain;     // no indicators
    TaskView autumn;    // starts in September: not due in June
    TaskView other;     // led by township B

    @BeforeEach
    void county() throws Exception {
        s = fixtures.county(ReportingFrequency.MONTHLY, false);
        UnitView a = s.county().townshipA();
        roads = tasks.create(s.campaign().id(), new TaskCommand("道路提升" + s.county().tag(), null, "项目建设", a.id(),
                null, List.of(), null, ReportFixtures.START, ReportFixtures.END,
                List.of(new TaskCommand.IndicatorInput(null, "新建道路", "公里", BigDecimal.ZERO, new BigDecimal("12.5"),
                                Direction.HIGHER_IS_BETTER),
                        new TaskCommand.IndicatorInput(null, "投资额", "万元", BigDecimal.ZERO, new BigDecimal("800"),
                                Direction.HIGHER_IS_BETTER)),
                List.of(new TaskCommand.MilestoneInput(null, "完成招标", LocalDate.of(2026, 4, 30), null))),
                DataScope.everything());
        plain = tasks.create(s.campaign().id(), new TaskCommand("环境整治" + s.county().tag(), null, "民生改善", a.id(),
                null, List.of(), null, ReportFixtures.START, ReportFixtures.END, List.of(), List.of()), DataScope.everything());
        autumn = tasks.create(s.campaign().id(), new TaskCommand("秋季任务" + s.county().tag(), null, "民生改善", a.id(),
                null, List.of(), null, LocalDate.of(2026, 9, 1), ReportFixtures.END, List.of(), List.of()),
                DataScope.everything());
        other = fixtures.task(s.campaign(), s.county().townshipB(), "乙镇任务" + s.county().tag());
        liaison = Logins.token(mvc, s.liaison());
    }

    @Test
    void templateHasTheUnitsLeafTasksPreFilledFromTheLastReport() throws Exception {
        long may = ReportFixtures.body(create(s.task().id(), Map.of("period", "2026-05", "progressText", "五月进展",
                "problems", "企业用工需求不足", "nextSteps", "对接园区企业",
                "indicatorValues", List.of(Map.of("indicatorId", s.jobs(), "value", 300))))).get("id").asLong();
        assertThat(may).isPositive();

        try (XSSFWorkbook book = template(liaison, "2026-06", null)) {
            XSSFSheet sheet = book.getSheet("进度报送");
            assertThat(cells(sheet.getRow(0)).subList(0, 11)).isEqualTo(COLUMNS);
            assertThat(cells(sheet.getRow(0)).get(11)).isEqualTo("待完成节点（参考）");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getColumnWidth(7)).isGreaterThan(sheet.getColumnWidth(0));
            assertThat(book.getSheet("说明")).isNotNull();

            List<String> ids = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                ids.add(text(sheet.getRow(r).getCell(0)));
            }
            // The unit's own tasks running in June: one row per indicator; not September's task, not 乙镇's.
            assertThat(ids).containsExactlyInAnyOrder(id(s.task()), id(roads), id(roads), id(plain));

            Row jobs = rowOf(sheet, s.task().id());
            assertThat(text(jobs.getCell(2))).isEqualTo("新增城镇就业人数");
            assertThat(text(jobs.getCell(3))).isEqualTo("人");
            assertThat(jobs.getCell(4).getNumericCellValue()).isEqualTo(1000.0);
            assertThat(jobs.getCell(5).getNumericCellValue()).isEqualTo(300.0);
            assertThat(jobs.getCell(6).getNumericCellValue()).isEqualTo(300.0);
            assertThat(text(jobs.getCell(7))).isEqualTo("五月进展");
            assertThat(text(jobs.getCell(8))).isEqualTo("企业用工需求不足");
            assertThat(text(jobs.getCell(9))).isEqualTo("对接园区企业");
            assertThat(text(jobs.getCell(11))).isEqualTo("完成招聘会（2026-05-31）；完成年度考核（2026-12-20）");
            // The columns to fill are shaded; the reference columns are not.
            assertThat(jobs.getCell(6).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(jobs.getCell(7).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(jobs.getCell(1).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
        }

        // Another unit: the county administrator may ask for 甲镇's; 甲镇's liaison may not ask for 乙镇's.
        String admin = Logins.token(mvc, s.county().adminUser());
        try (XSSFWorkbook book = template(admin, "2026-06", s.county().townshipA().id())) {
            assertThat(book.getSheet("进度报送").getLastRowNum()).isEqualTo(4);
        }
        mvc.perform(get("/api/v1/campaigns/" + s.campaign().id() + "/reports/template?period=2026-06&unitId="
                        + s.county().townshipB().id()).header(HttpHeaders.AUTHORIZATION, liaison))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/campaigns/" + s.campaign().id() + "/reports/template?period=2026-06")
                        .header(HttpHeaders.AUTHORIZATION, Logins.token(mvc, s.office())))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFilledTemplateImportsAsDraftsAndAgainAsUpdates() throws Exception {
        byte[] filled;
        try (XSSFWorkbook book = template(liaison, "2026-06", null)) {
            XSSFSheet sheet = book.getSheet("进度报送");
            Row jobs = rowOf(sheet, s.task().id());
            jobs.getCell(6).setCellValue(450);
            jobs.getCell(7).setCellValue("举办招聘会3场");
            jobs.getCell(8).setCellValue("用工需求不足");
            jobs.getCell(10).setCellValue("完成招聘会");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (text(row.getCell(0)).equals(id(roads))) {
                    boolean first = text(row.getCell(2)).equals("新建道路");
                    row.getCell(6).setCellValue(first ? 3.25 : 120);
                    if (first) {
                        row.getCell(7).setCellValue("完成路基");
                    }
                }
            }
            rowOf(sheet, plain.id()).getCell(7).setCellValue("清理垃圾20吨");
            filled = XlsxFiles.write(book);
        }
        upload(liaison, "2026-06", false, "june.xlsx", filled).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3)).andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.submitted").value(0)).andExpect(jsonPath("$.tasks").value(3));

        ReportView jobs = june(s.task().id());
        assertThat(jobs.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(jobs.valueOf(s.jobs())).isEqualByComparingTo("450");
        assertThat(jobs.progressText()).isEqualTo("举办招聘会3场");
        assertThat(jobs.problems()).isEqualTo("用工需求不足");
        assertThat(jobs.nextSteps()).isNull();
        assertThat(jobs.milestonesDone()).extracting(ReportView.MilestoneDone::milestoneId).containsExactly(s.milestone(0));
        assertThat(jobs.milestonesDone().get(0).doneOn()).isEqualTo(LocalDate.of(2026, 6, 15));
        ReportView road = june(roads.id());
        assertThat(road.valueOf(roads.indicators().get(0).id())).isEqualByComparingTo("3.25");
        assertThat(road.valueOf(roads.indicators().get(1).id())).isEqualByComparingTo("120");
        assertThat(road.progressText()).isEqualTo("完成路基");
        assertThat(june(plain.id()).progressText()).isEqualTo("清理垃圾20吨");

        // The next template starts from the drafts; importing it again updates them, keeping what was there.
        byte[] again;
        try (XSSFWorkbook book = template(liaison, "2026-06", null)) {
            Row row = rowOf(book.getSheet("进度报送"), s.task().id());
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(450.0);
            assertThat(text(row.getCell(10))).isEqualTo("完成招聘会");
            assertThat(text(row.getCell(11))).isEqualTo("完成年度考核（2026-12-20）");
            row.getCell(6).setCellValue(500);
            again = XlsxFiles.write(book);
        }
        upload(liaison, "2026-06", false, "again.xlsx", again).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.updated").value(3));
        assertThat(june(s.task().id()).valueOf(s.jobs())).isEqualByComparingTo("500");
        assertThat(june(s.task().id()).progressText()).isEqualTo("举办招聘会3场");
        assertThat(june(roads.id()).valueOf(roads.indicators().get(0).id())).isEqualByComparingTo("3.25");
        assertThat(reportsIn()).isEqualTo(3);
    }

    @Test
    void submitTrueSubmitsEveryReportAndMarksThemLateAfterTheDeadline() throws Exception {
        // Today is 15 June: May's reports were due on 5 June.
        byte[] filled;
        try (XSSFWorkbook book = template(liaison, "2026-05", null)) {
            XSSFSheet sheet = book.getSheet("进度报送");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                sheet.getRow(r).getCell(7).setCellValue("五月进展");
            }
            filled = XlsxFiles.write(book);
        }
        upload(liaison, "2026-05", true, "may.xlsx", filled).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3)).andExpect(jsonPath("$.submitted").value(3));
        for (long task : List.of(s.task().id(), roads.id(), plain.id())) {
            ReportView may = reports.ofTask(task, DataScope.everything()).get(0);
            assertThat(may.period()).isEqualTo("2026-05");
            assertThat(may.status()).isEqualTo(ReportStatus.SUBMITTED);
            assertThat(may.late()).isTrue();
        }
        // Submitted reports can't be overwritten by another upload.
        upload(liaison, "2026-05", false, "may.xlsx", filled).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("任务编号"))
                .andExpect(jsonPath("$.errors[0].message", containsString("已“已提交”，不能再导入")));

        // June is not late yet; and submitting needs a progress text.
        byte[] june;
        try (XSSFWorkbook book = template(liaison, "2026-06", null)) {
            june = XlsxFiles.write(book); // pre-filled with May's text
        }
        upload(liaison, "2026-06", true, "june.xlsx", june).andExpect(status().isOk())
                .andExpect(jsonPath("$.submitted").value(3));
        assertThat(june(s.task().id()).late()).isFalse();
        assertThat(june(s.task().id()).progressText()).isEqualTo("五月进展");
    }

    @Test
    void everyBadRowIsNamedByRowAndColumnAndNothingChanges() throws Exception {
        Book book = new Book()
                .row(id(s.task()), "新增城镇就业人数", "很多", "进展", "")                     // row 2: not a number
                .row("999999999", "", "", "进展", "")                                         // row 3: no such task
                .row(id(roads), "新建桥梁", "3", "进展", "")                                   // row 4: not its indicator
                .row(id(plain), "", "", "进展", "召开誓师大会")                                 // row 5: unknown milestone
                .row(id(roads), "投资额", "100", "x".repeat(4001), "")                        // row 6: text too long
                .row(id(other), "新增城镇就业人数", "5", "乙镇进展", "")                         // row 7: 乙镇's task
                .row(id(autumn), "", "", "进展", "")                                           // row 8: not running in June
                .row("abc", "", "", "进展", "")                                                // row 9: not an id
                .row(id(s.task()), "", "7", "", "");                                          // row 10: value without indicator
        long before = reportsIn();
        String body = upload(liaison, "2026-06", false, "bad.xlsx", book.bytes())
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode problem = resultOf(body);
        List<String> found = new ArrayList<>();
        problem.get("errors").forEach(e -> found.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        assertThat(found).containsExactly("2:本期实际值", "3:任务编号", "4:指标", "5:本期完成节点", "6:进展情况",
                "7:任务编号", "8:任务编号", "9:任务编号", "10:指标");
        assertThat(problem.get("detail").asString()).isEqualTo("导入文件有 9 处错误，未导入任何数据");
        assertThat(body).contains("本期实际值“很多”不是数字", "任务编号 999999999 不存在", "指标“新建桥梁”不是任务",
                "没有名为“召开誓师大会”的时间节点", "进展情况不超过4000字", "任务编号 " + other.id() + " 不存在",
                "不在任务“" + autumn.title() + "”的起止日期", "任务编号“abc”不是有效的编号", "填写本期实际值时须写明指标");
        assertThat(reportsIn()).isEqualTo(before).isZero();

        // The only bad row being another township's task still changes nothing.
        Book foreign = new Book().row(id(s.task()), "新增城镇就业人数", "5", "进展", "")
                .row(id(other), "新增城镇就业人数", "5", "乙镇进展", "");
        upload(liaison, "2026-06", false, "foreign.xlsx", foreign.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1)).andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("任务编号"));
        assertThat(reportsIn()).isZero();
        assertThat(reports.ofTask(other.id(), DataScope.everything())).isEmpty();
    }

    @Test
    void refusesEmptyFilesNonXlsxAndTooManyRows() throws Exception {
        upload(liaison, "2026-06", false, "empty.xlsx", new Book().bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("文件中没有数据行"));
        upload(liaison, "2026-06", false, "zero.xlsx", new byte[0]).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] csv = (String.join(",", COLUMNS) + "\n" + id(s.task()) + ",x,新增城镇就业人数,人,1000,,5,进展,,,\n")
                .getBytes(StandardCharsets.UTF_8);
        upload(liaison, "2026-06", false, "report.csv", csv).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail", containsString("文件无法读取")));
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        upload(liaison, "2026-06", false, "report.xlsx", exe).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("文件无法读取")));
        Book header = new Book();
        header.sheet.getRow(0).getCell(6).setCellValue("实际值");
        header.row(id(s.task()), "新增城镇就业人数", "5", "进展", "");
        upload(liaison, "2026-06", false, "header.xlsx", header.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("本期实际值")).andExpect(jsonPath("$.errors[0].row").value(1));
        Book huge = new Book();
        for (int i = 0; i < 2_001; i++) {
            huge.row(id(s.task()), "", "", "进展" + i, "");
        }
        upload(liaison, "2026-06", false, "huge.xlsx", huge.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("工作表“进度报送”超过 2000 行，请分批导入"));
        // Two thousand rows are fine (one task, its text from the first row).
        Book most = new Book();
        for (int i = 0; i < 2_000; i++) {
            most.row(id(s.task()), "", "", "进展" + i, "");
        }
        upload(liaison, "2026-06", false, "most.xlsx", most.bytes()).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        assertThat(june(s.task().id()).progressText()).isEqualTo("进展0");
        // A period that hasn't started can't be reported.
        upload(liaison, "2026-08", false, "august.xlsx", most.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        assertThat(reportsIn()).isEqualTo(1);
    }

    @Test
    void aFormulaInATextCellIsStoredAsTextAndExportedQuotePrefixed() throws Exception {
        Book book = new Book().row(id(s.task()), "新增城镇就业人数", "5", FORMULA, "")
                .set(8, "+1 cmd|' /C calc'!A0").set(9, "@SUM(1+1)");
        upload(liaison, "2026-06", false, "formula.xlsx", book.bytes()).andExpect(status().isOk());
        ReportView report = june(s.task().id());
        assertThat(report.progressText()).isEqualTo(FORMULA);
        assertThat(report.problems()).isEqualTo("+1 cmd|' /C calc'!A0");
        try (XSSFWorkbook out = template(liaison, "2026-06", null)) {
            Row row = rowOf(out.getSheet("进度报送"), s.task().id());
            for (int column : List.of(7, 8, 9)) {
                Cell cell = row.getCell(column);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed()).as("column " + column).isTrue();
            }
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo(FORMULA);
            assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void theImportPageListsProblemsAndReportsSuccess() throws Exception {
        var session = Logins.session(mvc, s.liaison());
        String path = "/campaigns/" + s.campaign().id() + "/reports/import";
        mvc.perform(get(path).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("批量填报进度")))
                .andExpect(content().string(containsString("导入后直接提交")))
                .andExpect(content().string(containsString("<option value=\"2026-06\" selected=\"selected\">2026年6月</option>")));
        mvc.perform(get("/reports").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(path)));
        mvc.perform(multipart(path).file(new MockMultipartFile("file", "bad.xlsx", XLSX,
                                new Book().row(id(s.task()), "新增城镇就业人数", "很多", "进展", "").bytes()))
                        .param("period", "2026-06").session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入失败，未导入任何数据")))
                .andExpect(content().string(containsString("<td>2</td><td>本期实际值</td><td>本期实际值“很多”不是数字")));
        assertThat(reportsIn()).isZero();
        mvc.perform(multipart(path).file(new MockMultipartFile("file", "good.xlsx", XLSX,
                                new Book().row(id(s.task()), "新增城镇就业人数", "5", "进展", "").bytes()))
                        .param("period", "2026-06").param("submit", "true").session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入成功：共 1 项任务，新建草稿 1 份，更新 0 份，提交 1 份。")));
        assertThat(june(s.task().id()).status()).isEqualTo(ReportStatus.SUBMITTED);
        byte[] bytes = mvc.perform(get("/campaigns/" + s.campaign().id() + "/reports/template?period=2026-06").session(session))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            // The submitted task is left out: what is left to fill in, and the file imports without errors.
            XSSFSheet sheet = book.getSheet("进度报送");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            for (int r = 1; r <= 3; r++) {
                assertThat(text(sheet.getRow(r).getCell(0))).isNotEqualTo(id(s.task()));
            }
            mvc.perform(multipart(path).file(new MockMultipartFile("file", "rest.xlsx", XLSX, bytes))
                            .param("period", "2026-06").session(session).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("导入成功：共 2 项任务，新建草稿 2 份，更新 0 份，提交 0 份。")));
        }
        // A supervisor neither downloads nor imports a unit's reports.
        var office = Logins.session(mvc, s.office());
        mvc.perform(get(path).session(office)).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/campaigns/" + s.campaign().id() + "/reports/import")
                        .file(new MockMultipartFile("file", "x.xlsx", XLSX, new byte[] {1}))
                        .header(HttpHeaders.AUTHORIZATION, Logins.token(mvc, s.office())))
                .andExpect(status().isForbidden());
    }

    // --- helpers

    /** A hand-written workbook with the template's header; rows give 任务编号, 指标, 本期实际值, 进展情况, 本期完成节点. */
    static final class Book {
        final XSSFWorkbook workbook = new XSSFWorkbook();
        final XSSFSheet sheet = workbook.createSheet("进度报送");
        private Row last;

        Book() {
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
            }
        }

        Book row(String taskId, String indicator, String value, String progress, String milestones) {
            last = sheet.createRow(sheet.getLastRowNum() + 1);
            put(0, taskId);
            put(2, indicator);
            put(6, value);
            put(7, progress);
            put(10, milestones);
            return this;
        }

        Book set(int column, String value) {
            put(column, value);
            return this;
        }

        private void put(int column, String value) {
            if (!value.isEmpty()) {
                last.createCell(column).setCellValue(value);
            }
        }

        byte[] bytes() throws Exception {
            return XlsxFiles.write(workbook);
        }
    }

    private ResultActions create(long taskId, Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/v1/tasks/" + taskId + "/reports").header(HttpHeaders.AUTHORIZATION, liaison)
                .contentType(MediaType.APPLICATION_JSON).content(ReportFixtures.json(body)));
    }

    private XSSFWorkbook template(String token, String period, Long unitId) throws Exception {
        byte[] bytes = mvc.perform(get("/api/v1/campaigns/" + s.campaign().id() + "/reports/template")
                        .param("period", period).param("unitId", unitId == null ? "" : unitId.toString())
                        .header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private ResultActions upload(String token, String period, boolean submit, String fileName, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/campaigns/" + s.campaign().id() + "/reports/import")
                .file(new MockMultipartFile("file", fileName, XLSX, bytes)).param("period", period)
                .param("submit", String.valueOf(submit)).header(HttpHeaders.AUTHORIZATION, token));
    }

    private ReportView june(long taskId) {
        return reports.ofTask(taskId, DataScope.everything()).stream().filter(r -> r.period().equals("2026-06"))
                .findFirst().orElseThrow();
    }

    private long reportsIn() {
        return jdbc.sql("SELECT COUNT(*) FROM progress_report WHERE campaign_id = :c").param("c", s.campaign().id())
                .query(Long.class).single();
    }

    private static Row rowOf(XSSFSheet sheet, long taskId) {
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            if (text(sheet.getRow(r).getCell(0)).equals(String.valueOf(taskId))) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError("no row for task " + taskId);
    }

    private static String id(TaskView task) {
        return String.valueOf(task.id());
    }

    private static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    private static JsonNode resultOf(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }
}
