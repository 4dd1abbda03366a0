package org.gongjian.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonCommand;
import org.gongjian.org.PersonView;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.report.EvidenceFiles;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.XlsxFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 三下沉 end to end over the API on a county of its own: a 驻村 batch with two cadres, scope (a township's ORG_DEPT sees
 * only deployments touching it), bad input (overlap, wrong target kind, a log in the future, someone else's log), a work
 * log with a flagged photo, presence and the month-end reminder, and the all-or-nothing xlsx import.
 */
class DeploymentApiTests extends IntegrationTest {

    static final Instant MARCH_26 = Instant.parse("2026-03-26T02:00:00Z");

    @Autowired OrgFixtures fixtures;
    @Autowired OrgService org;
    @Autowired UserService users;
    @Autowired PasswordEncoder encoder;
    @Autowired PresenceService presence;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    OrgFixtures.County c;
    UnitView villageB;
    String office;
    String cadreA;
    String cadreB;
    long batch;
    long deploymentA;
    long deploymentB;

    @BeforeEach
    void setUp() throws Exception {
        clock.set(MARCH_26);
        c = fixtures.county();
        villageB = org.createUnit(new UnitCommand("乙村" + c.tag(), UnitKind.VILLAGE, c.townshipB().id(), "KBV" + c.tag()),
                DataScope.everything());
        cadreA = cadreUser(c.cadreA());
        cadreB = cadreUser(c.cadreB());
        office = Logins.token(mvc, c.orgDeptUser());
        batch = call(post("/api/v1/deployment-batches").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"2026年第一批驻村干部","kind":"CADRE_TO_VILLAGE","ownerUnitId":%d,"startDate":"2026-01-01",
                         "endDate":"2026-12-31"}""".formatted(c.county().id())), 201).get("id").asLong();
        deploymentA = deploy(c.cadreA(), c.villageA(), "2026-01-01", "2026-06-30", 201).get("id").asLong();
        deploymentB = deploy(c.cadreB(), villageB, "2026-03-17", "2026-12-31", 201).get("id").asLong();
    }

    String cadreUser(PersonView person) {
        String name = "gb" + person.id() + c.tag();
        users.createPrehashed(name, encoder.encode(OrgFixtures.PASSWORD), person.id(), person.unitId(), EnumSet.of(Role.CADRE));
        return name;
    }

    JsonNode deploy(PersonView person, UnitView target, String start, String end, int expected) throws Exception {
        return call(post("/api/v1/deployment-batches/" + batch + "/deployments").header("Authorization", office)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"personId":%d,"targetUnitId":%d,"startDate":"%s","endDate":"%s","purpose":"驻村帮扶、产业发展",
                         "leaderPersonId":%d,"siteLatitude":34.7466,"siteLongitude":113.6254}"""
                        .formatted(person.id(), target.id(), start, end, c.cadreA().id())), expected);
    }

    JsonNode call(RequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }

    JsonNode log(String user, long deployment, String date, String photos, int expected) throws Exception {
        return call(post("/api/v1/work-logs").header("Authorization", Logins.token(mvc, user))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"deploymentId":%d,"logDate":"%s","workDone":"走访脱贫户，核实产业奖补","peopleMet":"村支书王某",
                         "evidenceIds":[%s]}""".formatted(deployment, date, photos)), expected);
    }

    /** A batch refused (end before start) sends the page back with the form open and what was typed still in it. */
    @Test
    void aRefusedBatchComesBackOpenWithWhatWasTyped() throws Exception {
        MockHttpSession session = Logins.session(mvc, c.orgDeptUser());
        mvc.perform(post("/deployments/batches").session(session).with(csrf())
                        .param("name", "第二批驻村干部" + c.tag()).param("kind", "CADRE_TO_VILLAGE")
                        .param("startDate", "2026-09-01").param("endDate", "2026-06-30").param("minDays", "12"))
                .andExpect(status().is3xxRedirection());
        // the page redirected to takes the flash from the session, as the browser's next request does
        String page = mvc.perform(get("/deployments").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("结束日期不能早于开始日期")
                .containsPattern("<details[^>]*open[^>]*data-test=\"batch-details\"|<details[^>]*data-test=\"batch-details\"[^>]*open")
                .contains("value=\"第二批驻村干部" + c.tag() + "\"", "value=\"2026-09-01\"", "value=\"2026-06-30\"", "value=\"12\"")
                .containsPattern("value=\"CADRE_TO_VILLAGE\"[^>]*selected");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deployment_batch WHERE name = :n").param("n", "第二批驻村干部" + c.tag())
                .query(Long.class).single()).isZero();
        // without an error the form stays closed and the presence rule starts at 15
        String fresh = mvc.perform(get("/deployments").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fresh).doesNotContainPattern("<details[^>]*open[^>]*data-test=\"batch-details\"").contains("value=\"15\"");
    }

    @Test
    void aDeploymentNamesCadreUnitsPeriodAndLeaderAndBadOnesAreRefused() throws Exception {
        JsonNode d = call(get("/api/v1/deployments/" + deploymentA).header("Authorization", office), 200);
        assertThat(d.at("/deployment/personName").asString()).isEqualTo(c.cadreA().name());
        assertThat(d.at("/deployment/sourceUnitName").asString()).isEqualTo(c.townshipA().name());
        assertThat(d.at("/deployment/targetUnitName").asString()).isEqualTo(c.villageA().name());
        assertThat(d.at("/deployment/leaderName").asString()).isEqualTo(c.cadreA().name());
        assertThat(d.at("/presence").size()).isEqualTo(3); // January to March (today)

        JsonNode overlap = deploy(c.cadreA(), villageB, "2026-06-01", "2026-07-31", 422);
        assertThat(overlap.at("/errors/0/field").asString()).isEqualTo("personId");
        assertThat(overlap.at("/errors/0/message").asString()).contains("已有下沉安排");
        JsonNode township = deploy(c.cadreA(), c.townshipB(), "2026-07-01", "2026-07-31", 422);
        assertThat(township.at("/errors/0/message").asString()).contains("须下沉到村");
        JsonNode outside = deploy(c.cadreA(), villageB, "2026-07-01", "2027-01-31", 422);
        assertThat(outside.at("/errors/0/message").asString()).contains("批次期间内");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deployment WHERE batch_id = :b").param("b", batch).query(Long.class)
                .single()).isEqualTo(2);

        call(post("/api/v1/deployment-batches").header("Authorization", Logins.token(mvc, cadreA))
                .contentType(MediaType.APPLICATION_JSON).content("{}"), 403);
    }

    @Test
    void aTownshipSeesOnlyTheDeploymentsTouchingIt() throws Exception {
        String township = Logins.token(mvc, c.orgDeptAUser());
        JsonNode list = call(get("/api/v1/deployments?batchId=" + batch).header("Authorization", township), 200);
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.at("/items/0/id").asLong()).isEqualTo(deploymentA);
        call(get("/api/v1/deployments/" + deploymentB).header("Authorization", township), 404);
        JsonNode all = call(get("/api/v1/deployments?batchId=" + batch).header("Authorization", office), 200);
        assertThat(all.get("total").asLong()).isEqualTo(2);
        JsonNode presenceA = call(get("/api/v1/deployments/presence?month=2026-03&batchId=" + batch)
                .header("Authorization", township), 200);
        assertThat(presenceA.size()).isEqualTo(1);
    }

    @Test
    void aCadreLogsADayWithAPhotoThatIsFlaggedNotRefused() throws Exception {
        byte[] photo = EvidenceFiles.photo(64, 48, "2026:03:20 10:15:00", 34.80, 113.6254); // earlier and ≈ 6 km away
        JsonNode file = call(multipart("/api/v1/work-logs/photos").file(new MockMultipartFile("file", "现场.jpg",
                "image/jpeg", photo)).param("deploymentId", String.valueOf(deploymentA))
                .header("Authorization", Logins.token(mvc, cadreA)), 201);
        assertThat(file.get("unitId").asLong()).isEqualTo(c.villageA().id());
        JsonNode logged = log(cadreA, deploymentA, "2026-03-26", file.get("id").asString(), 201);
        assertThat(logged.at("/photos/0/flags").toString()).contains("OTHER_DAY").contains("FAR");
        assertThat(logged.get("placeName").asString()).isEqualTo(c.villageA().name());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'work_log.create' AND entity_id = :id")
                .param("id", logged.get("id").asString()).query(Long.class).single()).isEqualTo(1);

        JsonNode draft = call(get("/api/v1/work-logs/draft").header("Authorization", Logins.token(mvc, cadreA)), 200);
        assertThat(draft.get("deploymentId").asLong()).isEqualTo(deploymentA);
        assertThat(draft.get("peopleMet").asString()).isEqualTo("村支书王某");

        JsonNode future = log(cadreA, deploymentA, "2026-03-27", "", 422);
        assertThat(future.at("/errors/0/field").asString()).isEqualTo("logDate");
        assertThat(future.at("/errors/0/message").asString()).contains("不能晚于今天");
        log(cadreA, deploymentA, "2025-12-31", "", 422);
        log(cadreB, deploymentA, "2026-03-25", "", 404);
        call(post("/api/v1/work-logs").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                .content("{\"deploymentId\":%d,\"logDate\":\"2026-03-25\",\"workDone\":\"代填\"}".formatted(deploymentA)), 403);
        JsonNode mine = call(get("/api/v1/work-logs").header("Authorization", Logins.token(mvc, cadreB)), 200);
        assertThat(mine.get("total").asLong()).isZero();
    }

    @Test
    void presenceCountsEachDayOnceAndShortCadresAreRemindedOnceBeforeMonthEnd() throws Exception {
        log(cadreA, deploymentA, "2026-03-02", "", 201);
        log(cadreA, deploymentA, "2026-03-02", "", 201);
        log(cadreA, deploymentA, "2026-03-03", "", 201);
        for (int day = 17; day <= 26; day++) {
            log(cadreB, deploymentB, "2026-03-%02d".formatted(day), "", 201);
        }
        JsonNode month = call(get("/api/v1/deployments/presence?month=2026-03&batchId=" + batch)
                .header("Authorization", office), 200);
        assertThat(month.size()).isEqualTo(2);
        JsonNode a = month.get(0).at("/deployment/id").asLong() == deploymentA ? month.get(0) : month.get(1);
        JsonNode b = month.get(0).at("/deployment/id").asLong() == deploymentB ? month.get(0) : month.get(1);
        assertThat(a.at("/month/days").asInt()).isEqualTo(2);
        assertThat(a.at("/month/required").asInt()).isEqualTo(15);
        assertThat(b.at("/month/days").asInt()).isEqualTo(10);
        assertThat(b.at("/month/required").asInt()).isEqualTo(8); // from the 17th: ⌈15 × 15 / 31⌉
        JsonNode shortOnly = call(get("/api/v1/deployments/presence?month=2026-03&shortOnly=true&batchId=" + batch)
                .header("Authorization", office), 200);
        assertThat(shortOnly.size()).isEqualTo(1);
        assertThat(shortOnly.at("/0/deployment/personName").asString()).isEqualTo(c.cadreA().name());

        assertThat(presence.remind(LocalDate.of(2026, 3, 25))).isZero(); // before the window (31 − 5 = 26)
        assertThat(presence.remind(LocalDate.of(2026, 3, 26))).isGreaterThanOrEqualTo(1);
        assertThat(presence.remind(LocalDate.of(2026, 3, 27))).isZero();
        long userA = users.asCurrentUser(cadreA).orElseThrow().id();
        assertThat(jdbc.sql("SELECT body FROM notification WHERE user_id = :u AND kind = 'PRESENCE'").param("u", userA)
                .query(String.class).list()).singleElement().asString().contains("已记录在岗2天").contains("应在岗15天");
        long userB = users.asCurrentUser(cadreB).orElseThrow().id();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = :u AND kind = 'PRESENCE'").param("u", userB)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anImportWithABadRowSavesNothingAndNamesTheRow() throws Exception {
        PersonView extra = org.createPerson(new PersonCommand("王五" + c.tag(), "男", c.department().id(), "副局长", true,
                LocalDate.of(2020, 1, 1)), DataScope.everything());
        PersonView other = org.createPerson(new PersonCommand("赵六" + c.tag(), "女", c.department().id(), "科长", false,
                LocalDate.of(2021, 1, 1)), DataScope.everything());
        byte[] bad = sheet(new String[][] {
                {String.valueOf(extra.id()), "", c.villageA().code(), "2026-04-01", "2026-09-30", "驻村", "", "", "", ""},
                {String.valueOf(other.id()), "", "NOPE", "2026-04-01", "2026-09-30", "驻村", "", "", "", ""},
                {String.valueOf(extra.id()), "", villageB.code(), "2026-05-01", "2026-05-31", "驻村", "", "", "", ""}});
        JsonNode problems = call(multipart("/api/v1/deployment-batches/" + batch + "/deployments/import")
                .file(new MockMultipartFile("file", "x.xlsx", DeploymentApiController.XLSX, bad))
                .header("Authorization", office), 422);
        assertThat(problems.get("errors").toString()).contains("\"row\":3").contains("NOPE").contains("\"row\":4")
                .contains("重叠");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deployment WHERE batch_id = :b").param("b", batch).query(Long.class)
                .single()).isEqualTo(2);
        byte[] good = sheet(new String[][] {
                {String.valueOf(extra.id()), "", c.villageA().code(), "2026-04-01", "2026-09-30", "驻村", "", "", "", ""},
                {String.valueOf(other.id()), "", villageB.code(), "", "", "驻村", "", "", "34.1", "113.2"}});
        JsonNode done = call(multipart("/api/v1/deployment-batches/" + batch + "/deployments/import")
                .file(new MockMultipartFile("file", "x.xlsx", DeploymentApiController.XLSX, good))
                .header("Authorization", office), 201);
        assertThat(done.get("imported").asInt()).isEqualTo(2);
        byte[] export = mvc.perform(get("/api/v1/deployments/export?batchId=" + batch).header("Authorization", office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(export))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(4);
        }
    }

    static byte[] sheet(String[][] rows) throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet(DeploymentWorkbook.IMPORT_SHEET);
        Row head = sheet.createRow(0);
        for (int i = 0; i < DeploymentWorkbook.IMPORT_COLUMNS.size(); i++) {
            head.createCell(i).setCellValue(DeploymentWorkbook.IMPORT_COLUMNS.get(i));
        }
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < rows[r].length; i++) {
                row.createCell(i).setCellValue(rows[r][i]);
            }
        }
        return XlsxFiles.write(workbook);
    }
}
