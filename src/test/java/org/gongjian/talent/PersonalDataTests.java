package org.gongjian.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.XlsxFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A liaison outside the talent office can't read a talent's phone number, ID number or address through any page,
 * list, export or API; the office reads them only with a reason, and each read is audited. Imports name bad rows.
 */
class PersonalDataTests extends IntegrationTest {

    @Autowired TalentFixtures fixtures;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    TalentFixtures.Desk d;
    String liaison;
    String office;

    @BeforeEach
    void setUp() throws Exception {
        clock.set(Instant.parse("2026-06-15T02:00:00Z"));
        d = fixtures.desk();
        liaison = Logins.token(mvc, d.c().liaisonAUser()); // township A, where the talent is registered
        office = Logins.token(mvc, d.office());
    }

    @Test
    void theLiaisonSeesOnlyMaskedDataInTheListAndTheProfile() throws Exception {
        String list = mvc.perform(get("/api/v1/talents").param("q", d.phd().name()).header("Authorization", liaison))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].phone").value("138****5678"))
                .andExpect(jsonPath("$.items[0].idNumber").value("110***********1234"))
                .andExpect(jsonPath("$.items[0].masked").value(true))
                .andReturn().getResponse().getContentAsString();
        String one = mvc.perform(get("/api/v1/talents/{id}", d.phd().id()).header("Authorization", liaison))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list + one).doesNotContain(TalentFixtures.PHONE, TalentFixtures.ID_NUMBER, TalentFixtures.ADDRESS);
    }

    @Test
    void theLiaisonCannotUnmaskThroughTheApiEvenWithAReason() throws Exception {
        mvc.perform(post("/api/v1/talents/{id}/personal-data", d.phd().id()).header("Authorization", liaison)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"核对联系方式\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/talents/export").param("reason", "核对联系方式").header("Authorization", liaison))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'talent.%' AND actor = :a")
                .param("a", d.c().liaisonAUser()).query(Long.class).single()).isZero();
    }

    @Test
    void theLiaisonsExportIsMasked() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/v1/talents/export").param("q", d.phd().name()).header("Authorization", liaison))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String row = rowText(xlsx, 1);
        assertThat(row).contains(d.phd().name(), "138****5678").doesNotContain(TalentFixtures.PHONE, TalentFixtures.ID_NUMBER,
                TalentFixtures.ADDRESS);
    }

    @Test
    void theLiaisonsPagesShowNoPersonalData() throws Exception {
        MockHttpSession session = Logins.session(mvc, d.c().liaisonAUser());
        String pages = mvc.perform(get("/talent").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()
                + mvc.perform(get("/talent/{id}", d.phd().id()).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(pages).contains(d.phd().name(), "138****5678")
                .doesNotContain(TalentFixtures.PHONE, TalentFixtures.ID_NUMBER, TalentFixtures.ADDRESS);
        mvc.perform(post("/talent/{id}/personal-data", d.phd().id()).session(session).param("reason", "核对联系方式")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOfficeUnmasksOnlyWithAReasonAndEveryReadIsAudited() throws Exception {
        mvc.perform(post("/api/v1/talents/{id}/personal-data", d.phd().id()).header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isUnprocessableContent());
        // the list stays masked for the office too
        mvc.perform(get("/api/v1/talents").param("q", d.phd().name()).header("Authorization", office))
                .andExpect(jsonPath("$.items[0].phone").value("138****5678"));
        mvc.perform(post("/api/v1/talents/{id}/personal-data", d.phd().id()).header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"发放安家补贴核对身份\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value(TalentFixtures.PHONE))
                .andExpect(jsonPath("$.address").value(TalentFixtures.ADDRESS));
        String line = jdbc.sql("""
                SELECT actor || '|' || after_state FROM audit_event WHERE action = 'talent.personal-data' AND entity_id = :id""")
                .param("id", String.valueOf(d.phd().id())).query(String.class).single();
        assertThat(line).startsWith(d.office() + "|").contains("发放安家补贴核对身份");
    }

    @Test
    void theOfficesExportWithAReasonCarriesPersonalDataAndIsAudited() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/v1/talents/export").param("q", d.phd().name()).param("reason", "报送省人才办")
                        .header("Authorization", office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(rowText(xlsx, 1)).contains(TalentFixtures.PHONE, TalentFixtures.ID_NUMBER);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'talent.export' AND actor = :a AND after_state LIKE '%报送省人才办%'")
                .param("a", d.office()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anImportWithBadRowsNamesEachRowAndColumnAndImportsNothing() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        XSSFSheet sheet = workbook.createSheet(TalentWorkbook.SHEET);
        String[][] rows = {
                TalentWorkbook.COLUMNS.toArray(String[]::new),
                {"赵一" + d.c().tag(), "生物医药", "A", "博士", "教授", "示范药业", "2026-03-01", "引进", "13900001111", "", ""},
                {"钱二" + d.c().tag(), "生物医药", "Z", "博士后", "", "示范药业", "去年", "引进", "12345", "", ""},
                {"", "文旅", "D", "本科", "", "", "2026-01-01", "外地", "", "", ""}};
        for (int r = 0; r < rows.length; r++) {
            var row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                row.createCell(c).setCellValue(rows[r][c]);
            }
        }
        MockMultipartFile file = new MockMultipartFile("file", "talents.xlsx", TalentApiController.XLSX, XlsxFiles.write(workbook));
        mvc.perform(multipart("/api/v1/talents/import").file(file).param("unitId", String.valueOf(d.c().townshipA().id()))
                        .header("Authorization", office))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == '人才层次')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == '最高学历')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == '引进时间')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == '联系电话')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == '姓名')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == '来源')]").exists())
                .andExpect(jsonPath("$.errors[?(@.row == 2)]").doesNotExist());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM talent WHERE name = :n").param("n", "赵一" + d.c().tag())
                .query(Long.class).single()).isZero();
        // the same file without the bad rows goes in whole
        sheet.removeRow(sheet.getRow(3));
        sheet.removeRow(sheet.getRow(2));
        file = new MockMultipartFile("file", "talents.xlsx", TalentApiController.XLSX, XlsxFiles.write(workbook));
        mvc.perform(multipart("/api/v1/talents/import").file(file).param("unitId", String.valueOf(d.c().townshipA().id()))
                        .header("Authorization", office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
        mvc.perform(multipart("/api/v1/talents/import").file(file).param("unitId", String.valueOf(d.c().townshipA().id()))
                        .header("Authorization", liaison))
                .andExpect(status().isForbidden());
    }

    private static String rowText(byte[] xlsx, int rowIndex) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var row = workbook.getSheet(TalentWorkbook.SHEET).getRow(rowIndex);
            StringBuilder text = new StringBuilder();
            DataFormatter formatter = new DataFormatter();
            row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('|'));
            return text.toString();
        }
    }
}
