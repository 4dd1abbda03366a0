package org.gongjian.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.XlsxFiles;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/units/import}: units and cadres from one workbook, all or nothing, every problem reported with
 * its sheet, column and Excel row; hostile files (garbage, zip bombs, formula text) are refused or stored inert.
 */
class OrgImportTests extends IntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    County c;
    String writer;
    /** Code prefix of everything this test imports. */
    String p;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        writer = Logins.token(mvc, c.orgDeptUser());
        p = "I" + c.tag() + "-";
    }

    @Test
    void importsUnitsUnderStoredAndEarlierRowsWithCadresFromTheTemplate() throws Exception {
        Book book = Book.fromTemplate(downloadTemplate());
        book.unit(p + "D1", "一管区", "管区", c.townshipA().code())
                .unit(p + "V1", "一村", "村", p + "D1")
                .unit(p + "V2", "二社区", "村(社区)", c.townshipA().code())
                .unit(p + "DEP", "新设局", "DEPARTMENT", c.county().code());
        book.person("王一" + c.tag(), "男", p + "V1", "村支书", "否", "2024-03-01")
                .person("李二" + c.tag(), "女", p + "D1", "管区书记", "是", LocalDate.of(2025, 6, 30))
                .person("赵三" + c.tag(), "", c.townshipB().code(), "副镇长", "", "2023年5月");
        String fileName = "org-" + c.tag() + ".xlsx";

        upload(writer, fileName, book.bytes()).andExpect(status().isOk())
                .andExpect(jsonPath("$.units").value(4)).andExpect(jsonPath("$.people").value(3));

        assertThat(countUnits()).isEqualTo(4);
        long d1 = unitId(p + "D1");
        long v1 = unitId(p + "V1");
        JsonNode village = getJson("/api/v1/units/" + v1, writer);
        assertThat(village.get("parentId").asLong()).isEqualTo(d1);
        assertThat(village.get("kind").asString()).isEqualTo("VILLAGE");
        assertThat(village.get("path").asString()).isEqualTo(c.townshipA().path() + d1 + "/" + v1 + "/");
        assertThat(getJson("/api/v1/units/" + unitId(p + "DEP"), writer).get("parentId").asLong())
                .isEqualTo(c.county().id());
        // The township-A liaison sees the new village through the scope that follows the path.
        mvc.perform(get("/api/v1/units/" + v1).header("Authorization", Logins.token(mvc, c.liaisonAUser())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("一村"));

        JsonNode wang = getJson("/api/v1/people?unitId=" + v1, writer).get("items").get(0);
        assertThat(wang.get("name").asString()).isEqualTo("王一" + c.tag());
        assertThat(wang.get("gender").asString()).isEqualTo("男");
        assertThat(wang.get("position").asString()).isEqualTo("村支书");
        assertThat(wang.get("deputy").asBoolean()).isFalse();
        assertThat(wang.get("since").asString()).isEqualTo("2024-03-01");
        JsonNode li = getJson("/api/v1/people?unitId=" + d1, writer).get("items").get(0);
        assertThat(li.get("deputy").asBoolean()).isTrue();
        assertThat(li.get("since").asString()).as("a real Excel date cell").isEqualTo("2025-06-30");
        JsonNode zhao = getJson("/api/v1/people?q=赵三" + c.tag(), writer).get("items").get(0);
        assertThat(zhao.get("unitId").asLong()).isEqualTo(c.townshipB().id());
        assertThat(zhao.get("gender").isNull()).isTrue();
        assertThat(zhao.get("since").asString()).as("a month alone means its first day").isEqualTo("2023-05-01");

        assertThat(auditRows("unit.import", "unit", unitIdsWithPrefix())).hasSize(4)
                .allSatisfy(r -> assertThat(r.get("actor")).isEqualTo(c.orgDeptUser()));
        List<String> personIds = jdbc.sql("SELECT CAST(id AS VARCHAR(20)) FROM person WHERE name LIKE :n")
                .param("n", "%" + c.tag()).query(String.class).list();
        assertThat(auditRows("person.import", "person", personIds)).hasSize(3);
        List<Map<String, Object>> fileRows = auditRows("org.import", "file", List.of(fileName));
        assertThat(fileRows).singleElement().satisfies(r -> {
            assertThat(r.get("actor")).isEqualTo(c.orgDeptUser());
            assertThat(json.readTree((String) r.get("after_state")).get("units").asInt()).isEqualTo(4);
            assertThat(json.readTree((String) r.get("after_state")).get("people").asInt()).isEqualTo(3);
        });
    }

    @Test
    void readsTwelveDigitDivisionCodesTypedAsNumbers() throws Exception {
        // 统计用区划代码 are 12 digits; typed into Excel they become numbers that "General" shows as 1.30123E+11.
        long code = 100_000_000_000L + Long.parseLong(c.tag(), 16);
        Book book = new Book();
        book.unit("", "区划村", "村", c.townshipA().code());
        book.units.getRow(1).createCell(0).setCellValue((double) code);
        book.person("郑" + c.tag(), "男", "", "村主任", "否", "");
        book.people.getRow(1).createCell(2).setCellValue((double) code);

        upload(writer, "numeric.xlsx", book.bytes()).andExpect(status().isOk())
                .andExpect(jsonPath("$.units").value(1)).andExpect(jsonPath("$.people").value(1));
        assertThat(getJson("/api/v1/units/" + unitId(String.valueOf(code)), writer).get("name").asString())
                .isEqualTo("区划村");
    }

    @Test
    void importPageListsEachProblemAndReportsSuccess() throws Exception {
        var session = Logins.session(mvc, c.orgDeptUser());
        Book bad = new Book();
        bad.unit(p + "V", "一村", "怪物", c.townshipA().code());
        mvc.perform(multipart("/org/import").file(new MockMultipartFile("file", "bad.xlsx", XLSX, bad.bytes()))
                        .session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入失败，未导入任何数据")))
                .andExpect(content().string(containsString("<td>2</td><td>单位!类型</td><td>无法识别的类型“怪物”</td>")));
        assertThat(countUnits()).isZero();

        Book good = new Book();
        good.unit(p + "V", "一村", "村", c.townshipA().code());
        mvc.perform(multipart("/org/import").file(new MockMultipartFile("file", "good.xlsx", XLSX, good.bytes()))
                        .session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入成功：1 个单位，0 名干部。")));
        assertThat(countUnits()).isEqualTo(1);
        mvc.perform(get("/org/import/template.xlsx").session(session)).andExpect(status().isOk())
                .andExpect(content().contentType(XLSX));
    }

    @Test
    void refusesAWorkbookWithoutDataRows() throws Exception {
        upload(writer, "empty.xlsx", new Book().bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("文件中没有数据行"));
        try (XSSFWorkbook other = new XSSFWorkbook()) {
            other.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("编码");
            upload(writer, "other.xlsx", XlsxFiles.write(other)).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.detail", containsString("单位")))
                    .andExpect(jsonPath("$.errors[0].field").value("file"));
        }
    }

    @Test
    void refusesWrongHeaderNamingTheColumn() throws Exception {
        Book book = new Book();
        book.units.getRow(0).getCell(1).setCellValue("名字");
        book.unit(p + "V", "一村", "村", c.townshipA().code());

        upload(writer, "header.xlsx", book.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("单位!名称"))
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].message").value("第2列表头应为“名称”，实际为“名字”"));
        assertThat(countUnits()).isZero();
    }

    @Test
    void reportsEveryBadRowWithItsColumnAndStoresNothing() throws Exception {
        Book book = new Book();
        book.unit(p + "X1", "孤村", "村", "NOPE" + c.tag())                 // row 2: unknown parent
                .unit(p + "OK", "好管区", "管区", c.townshipA().code())        // row 3: fine on its own
                .unit(p + "OK", "重复管区", "管区", c.townshipA().code())      // row 4: duplicate in file
                .unit(c.villageA().code(), "已有村", "村", c.townshipA().code()) // row 5: code already stored
                .unit(p + "K", "怪单位", "怪物", c.townshipA().code())         // row 6: unknown kind
                .unit(p + "VD", "局下村", "村", c.department().code())        // row 7: village under a department
                .unit(p + "NN", "", "村", c.townshipA().code());             // row 8: no name
        book.person("", "男", c.townshipA().code(), "镇长", "否", "2024-01-01")        // row 2: no name
                .person("钱" + c.tag(), "X", c.townshipA().code(), "镇长", "否", "")    // row 3: gender X
                .person("孙" + c.tag(), "男", c.townshipA().code(), "镇长", "否", "2024-13-45") // row 4: bad date
                .person("周" + c.tag(), "男", p + "OK", "书记", "是", "2024-02-01");  // row 5: fine on its own

        String body = upload(writer, "bad.xlsx", book.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("导入文件有 9 处错误，未导入任何数据"))
                .andReturn().getResponse().getContentAsString();

        List<String> problems = new ArrayList<>();
        json.readTree(body).get("errors").forEach(e -> problems.add(e.get("field").asString() + "@" + e.get("row").asInt()));
        assertThat(problems).containsExactly("单位!上级编码@2", "单位!编码@4", "单位!编码@5", "单位!类型@6", "单位!类型@7",
                "单位!名称@8", "干部!姓名@2", "干部!性别@3", "干部!任职时间@4");
        assertThat(body).contains("第3行已有", "已存在于系统中", "无法识别的类型“怪物”", "村(社区)不能设在部门之下",
                "名称不能为空", "姓名不能为空", "性别只能填“男”或“女”", "日期“2024-13-45”格式不对");
        assertThat(countUnits()).isZero();
        assertThat(countPeople("周" + c.tag())).isZero();
        assertThat(auditRows("org.import", "file", List.of("bad.xlsx"))).isEmpty();
    }

    @Test
    void refusesAParentOutsideTheImportersScope() throws Exception {
        Book book = new Book();
        book.unit(p + "VA", "甲新村", "村", c.townshipA().code())
                .unit(p + "VB", "乙新村", "村", c.townshipB().code());
        book.person("吴" + c.tag(), "男", c.townshipB().code(), "副镇长", "是", "");

        upload(Logins.token(mvc, c.orgDeptAUser()), "scope.xlsx", book.bytes())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("单位!上级编码"))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].message", containsString("不在您的数据范围内")))
                .andExpect(jsonPath("$.errors[1].field").value("干部!单位编码"))
                .andExpect(jsonPath("$.errors[1].row").value(2));
        assertThat(countUnits()).isZero();
        assertThat(countPeople("吴" + c.tag())).isZero();
    }

    @Test
    void importsTenThousandRows() throws Exception {
        Book book = new Book();
        for (int d = 0; d < 100; d++) {
            book.unit(p + "D" + d, "管区" + d, "管区", c.townshipA().code());
        }
        for (int v = 0; v < 9_900; v++) {
            book.unit(p + "V" + v, "村" + v, "村", p + "D" + (v % 100));
        }

        upload(writer, "big.xlsx", book.bytes()).andExpect(status().isOk())
                .andExpect(jsonPath("$.units").value(10_000));
        assertThat(countUnits()).isEqualTo(10_000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM unit WHERE parent_id = :d").param("d", unitId(p + "D7"))
                .query(Long.class).single()).isEqualTo(99);
    }

    @Test
    void refusesMoreThanTwentyThousandRows() throws Exception {
        Book book = new Book();
        for (int v = 0; v < 20_001; v++) {
            book.unit(p + "V" + v, "村" + v, "村", c.townshipA().code());
        }

        upload(writer, "huge.xlsx", book.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("单位"))
                .andExpect(jsonPath("$.errors[0].message").value("工作表“单位”超过 20000 行，请分批导入"));
        assertThat(countUnits()).isZero();
    }

    @Test
    void refusesRandomBytesAndTextNamedXlsx() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        byte[] text = ("编码,名称,类型,上级编码\n" + p + "V,一村,村," + c.townshipA().code()).getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : List.of(noise, text)) {
            upload(writer, "units.xlsx", bytes).andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("file"))
                    .andExpect(jsonPath("$.detail").value("文件无法读取：请上传由模板填写的 .xlsx 文件（文件可能已损坏或格式不对）"));
        }
        assertThat(countUnits()).isZero();
    }

    @Test
    void refusesAZipBombWithoutRunningOutOfMemory() throws Exception {
        Book book = new Book();
        book.unit(p + "V", "一村", "村", c.townshipA().code());
        byte[] valid = book.bytes();
        byte[] bomb = XlsxFiles.inflateSheetTo(valid, 200L * 1024 * 1024);
        assertThat(bomb.length).as("compressed size").isLessThan(2 * 1024 * 1024);

        upload(writer, "bomb.xlsx", bomb).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("文件无法读取")));
        assertThat(countUnits()).isZero();
        // Control: the same construction with a small payload is a readable workbook (its A1 is just a wrong header).
        upload(writer, "small.xlsx", XlsxFiles.inflateSheetTo(valid, 50 * 1024)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("单位!编码"))
                .andExpect(jsonPath("$.errors[0].row").value(1));
    }

    @Test
    void answersAProblemWhenTheFilePartIsMissingOrEmpty() throws Exception {
        mvc.perform(multipart("/api/v1/units/import").header("Authorization", writer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value("请选择要上传的 .xlsx 文件"));
        upload(writer, "zero.xlsx", new byte[0]).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("请选择要上传的 .xlsx 文件"));
    }

    @Test
    void storesFormulaAndScriptTextAsPlainTextAndRendersItEscaped() throws Exception {
        String formula = "=cmd|' /C calc'!A0";
        String script = "<script>alert(1)</script>";
        String sql = "'; DROP TABLE unit;--";
        Book book = new Book();
        book.unit(p + "S1", script, "村", c.townshipA().code())
                .unit(p + "S2", formula, "村", c.townshipA().code())
                .unit(p + "S3", sql, "村", c.townshipA().code())
                .unit(p + "S4", "占位", "村", c.townshipA().code());
        book.person(formula, "男", p + "S1", script, "否", "")
                .person(sql, "女", p + "S1", "<img src=x onerror=alert(2)>", "否", "");
        // A real formula cell: the import takes the value Excel cached, never the formula.
        Cell cached = book.units.getRow(4).getCell(1);
        cached.setCellFormula("HYPERLINK(\"http://evil.example\",\"点我\")");
        cached.setCellValue("公式村");

        upload(writer, "inject.xlsx", book.bytes()).andExpect(status().isOk());

        long s1 = unitId(p + "S1");
        assertThat(getJson("/api/v1/units/" + s1, writer).get("name").asString()).isEqualTo(script);
        assertThat(getJson("/api/v1/units/" + unitId(p + "S2"), writer).get("name").asString()).isEqualTo(formula);
        assertThat(getJson("/api/v1/units/" + unitId(p + "S3"), writer).get("name").asString()).isEqualTo(sql);
        assertThat(getJson("/api/v1/units/" + unitId(p + "S4"), writer).get("name").asString()).isEqualTo("公式村");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM unit").query(Long.class).single()).isPositive();

        String page = mvc.perform(get("/units/" + s1).session(Logins.session(mvc, c.orgDeptUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(script, "<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
                        "=cmd|&#39; /C calc&#39;!A0", "&#39;; DROP TABLE unit;--");
    }

    @Test
    void liaisonMayNotImport() throws Exception {
        Book book = new Book();
        book.unit(p + "V", "一村", "村", c.townshipA().code());

        upload(Logins.token(mvc, c.liaisonAUser()), "liaison.xlsx", book.bytes()).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/units/import/template").header("Authorization", Logins.token(mvc, c.liaisonAUser())))
                .andExpect(status().isForbidden());
        assertThat(countUnits()).isZero();
    }

    // --- helpers

    private ResultActions upload(String token, String fileName, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/units/import").file(new MockMultipartFile("file", fileName, XLSX, bytes))
                .header("Authorization", token));
    }

    private byte[] downloadTemplate() throws Exception {
        return mvc.perform(get("/api/v1/units/import/template").header("Authorization", writer))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private JsonNode getJson(String path, String token) throws Exception {
        return json.readTree(mvc.perform(get(path).header("Authorization", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private long countUnits() {
        return jdbc.sql("SELECT COUNT(*) FROM unit WHERE code LIKE :p").param("p", p + "%").query(Long.class).single();
    }

    private long countPeople(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE name = :n").param("n", name).query(Long.class).single();
    }

    private long unitId(String code) {
        return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
    }

    private List<String> unitIdsWithPrefix() {
        return jdbc.sql("SELECT CAST(id AS VARCHAR(20)) FROM unit WHERE code LIKE :p").param("p", p + "%")
                .query(String.class).list();
    }

    private List<Map<String, Object>> auditRows(String action, String type, List<String> entityIds) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT actor, after_state FROM audit_event WHERE action = :a AND entity_type = :t"
                        + " AND entity_id IN (:ids)")
                .param("a", action).param("t", type).param("ids", entityIds)
                .query((rs, n) -> Map.<String, Object>of("actor", rs.getString("actor"),
                        "after_state", rs.getString("after_state")))
                .list();
    }


    /** An import workbook built in the test: sheets 单位 and 干部 with the template's headers. */
    static final class Book {

        final XSSFWorkbook workbook;
        final Sheet units;
        final Sheet people;

        Book() {
            workbook = new XSSFWorkbook();
            units = header(workbook.createSheet("单位"), "编码", "名称", "类型", "上级编码");
            people = header(workbook.createSheet("干部"), "姓名", "性别", "单位编码", "职务", "是否副职", "任职时间");
        }

        private Book(XSSFWorkbook template) {
            workbook = template;
            units = template.getSheet("单位");
            people = template.getSheet("干部");
        }

        static Book fromTemplate(byte[] bytes) throws IOException {
            return new Book(new XSSFWorkbook(new ByteArrayInputStream(bytes)));
        }

        private static Sheet header(Sheet sheet, String... columns) {
            Row row = sheet.createRow(0);
            for (int i = 0; i < columns.length; i++) {
                row.createCell(i).setCellValue(columns[i]);
            }
            return sheet;
        }

        Book unit(String code, String name, String kind, String parentCode) {
            add(units, code, name, kind, parentCode);
            return this;
        }

        Book person(String name, String gender, String unitCode, String title, String deputy, Object since) {
            Row row = add(people, name, gender, unitCode, title, deputy);
            if (since instanceof LocalDate date) {
                Cell cell = row.createCell(5);
                cell.setCellValue(date);
                var style = workbook.createCellStyle();
                style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
                cell.setCellStyle(style);
            } else if (!since.toString().isEmpty()) {
                row.createCell(5).setCellValue(since.toString());
            }
            return this;
        }

        private static Row add(Sheet sheet, String... cells) {
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            for (int i = 0; i < cells.length; i++) {
                if (!cells[i].isEmpty()) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            return row;
        }

        byte[] bytes() throws IOException {
            try (workbook) {
                return XlsxFiles.write(workbook);
            }
        }
    }
}
