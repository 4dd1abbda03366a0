package org.gongjian.campaign.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongjian.campaign.TaskService;
import org.gongjian.identity.Role;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonCommand;
import org.gongjian.org.PersonView;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures.County;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.XlsxFiles;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The task list as xlsx: the campaign's template with its drop-downs, the all-or-nothing import with every row
 * problem named by row and column, and the export that is formula-safe, scoped, and imports again.
 */
class TaskWorkbookTests extends IntegrationTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("序号", "上级序号", "任务名称", "领域", "牵头单位", "配合单位", "包保领导",
            "权重", "开始日期", "完成时限", "指标名称", "计量单位", "基期值", "目标值", "指标方向", "时间节点", "任务描述");

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    OrgService org;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    County c;
    String supervisor;
    String token;
    PersonView magistrate;
    PersonView deputy;
    long campaign;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        supervisor = fixtures.user("sup" + c.tag(), c.county(), Role.SUPERVISOR);
        token = Logins.token(mvc, supervisor);
        magistrate = org.createPerson(new PersonCommand("王" + c.tag(), "男", c.county().id(), "县长", false,
                LocalDate.of(2024, 1, 1)), DataScope.everything());
        deputy = org.createPerson(new PersonCommand("赵" + c.tag(), "女", c.county().id(), "副县长", true,
                LocalDate.of(2024, 1, 1)), DataScope.everything());
        campaign = createCampaign("2026年重点工作攻坚年" + c.tag(), c.county().id());
    }

    @Test
    void templateHasDropDownsFedByAHiddenListSheet() throws Exception {
        byte[] bytes = mvc.perform(get("/api/v1/campaigns/" + campaign + "/tasks/template").header("Authorization", token))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getSheetName(0)).isEqualTo("攻坚清单");
            XSSFSheet tasks = book.getSheet("攻坚清单");
            assertThat(cells(tasks.getRow(0))).isEqualTo(COLUMNS);
            assertThat(tasks.getPaneInformation().isFreezePane()).isTrue();
            assertThat(book.getSheet("说明")).isNotNull();
            String notes = text(book.getSheet("说明"));
            COLUMNS.forEach(column -> assertThat(notes).contains(column));
            int lists = book.getSheetIndex("lists");
            assertThat(book.getSheetVisibility(lists)).isEqualTo(SheetVisibility.HIDDEN);

            List<String> validated = tasks.getDataValidations().stream()
                    .map(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() + "=" + v.getValidationConstraint().getFormula1())
                    .sorted().toList();
            assertThat(validated).containsExactly("14=directions", "3=categories", "4=leadUnits", "6=leaders");
            DataValidation categories = tasks.getDataValidations().stream()
                    .filter(v -> "categories".equals(v.getValidationConstraint().getFormula1())).findFirst().orElseThrow();
            assertThat(categories.getRegions().getCellRangeAddress(0).getLastRow()).isEqualTo(20_000);

            assertThat(namedList(book, "categories")).startsWith("脱贫攻坚", "生态环保").contains("招商引资");
            assertThat(namedList(book, "leadUnits")).contains(c.county().name(), c.townshipA().name(), c.townshipB().name(),
                    c.villageA().name(), c.department().name());
            assertThat(String.join("", namedList(book, "leadUnits"))).hasSizeGreaterThan(0);
            assertThat(namedList(book, "leaders")).containsExactlyInAnyOrder("王" + c.tag() + "（县长）", "赵" + c.tag() + "（副县长）");
            assertThat(namedList(book, "directions")).containsExactly("越大越好", "越小越好");
        }
    }

    @Test
    void templateListsOnlyUnitsOfTheCampaignThatTheCallerSees() throws Exception {
        County other = fixtures.county();
        String aSupervisor = fixtures.user("supa" + c.tag(), c.townshipA(), Role.SUPERVISOR);
        byte[] bytes = mvc.perform(get("/api/v1/campaigns/" + campaign + "/tasks/template")
                        .header("Authorization", Logins.token(mvc, aSupervisor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(namedList(book, "leadUnits")).containsExactly(c.townshipA().name(), c.villageA().name());
            assertThat(namedList(book, "leadUnits")).doesNotContain(other.townshipA().name(), c.townshipB().name());
        }
    }

    @Test
    void importsAThreeHundredRowListVisibleInTheTaskList() throws Exception {
        Book book = new Book();
        for (int i = 1; i <= 300; i++) {
            book.task("攻坚任务" + i, i % 2 == 0 ? "民生改善" : "项目建设", i % 3 == 0 ? c.townshipB().name() : c.townshipA().name())
                    .set("序号", String.valueOf(i)).set("配合单位", c.department().name() + "、" + c.villageA().name())
                    .set("包保领导", "王" + c.tag() + "（县长）").set("权重", "2").set("开始日期", "2026-02-01")
                    .set("完成时限", "2026年11月").set("指标名称", "新增就业").set("计量单位", "人").set("基期值", "100")
                    .set("目标值", "1,200").set("指标方向", "越大越好")
                    .set("时间节点", "2026-03-31 完成摸底；2026/6/30 完成一半;2026年9月30日 全部完成")
                    .set("任务描述", "第" + i + "项");
        }

        upload(token, "list.xlsx", book.bytes()).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(300));

        JsonNode page = getJson("/api/v1/campaigns/" + campaign + "/tasks?size=200");
        assertThat(page.get("total").asInt()).isEqualTo(300);
        assertThat(page.get("items").size()).isEqualTo(200);
        JsonNode task = getJson("/api/v1/tasks/" + taskId(campaign, "攻坚任务7"));
        assertThat(task.get("category").asString()).isEqualTo("项目建设");
        assertThat(task.get("leadUnitId").asLong()).isEqualTo(c.townshipA().id());
        assertThat(task.get("leadLeaderId").asLong()).isEqualTo(magistrate.id());
        assertThat(ids(task.get("cooperatingUnitIds"))).containsExactlyInAnyOrder(c.department().id(), c.villageA().id());
        assertThat(task.get("weight").decimalValue()).isEqualByComparingTo("2");
        assertThat(task.get("startDate").asString()).isEqualTo("2026-02-01");
        assertThat(task.get("dueDate").asString()).isEqualTo("2026-11-30");
        JsonNode indicator = task.get("indicators").get(0);
        assertThat(indicator.get("name").asString()).isEqualTo("新增就业");
        assertThat(indicator.get("baseline").decimalValue()).isEqualByComparingTo("100");
        assertThat(indicator.get("target").decimalValue()).isEqualByComparingTo("1200");
        assertThat(indicator.get("direction").asString()).isEqualTo("HIGHER_IS_BETTER");
        List<String> milestones = new ArrayList<>();
        task.get("milestones").forEach(m -> milestones.add(m.get("dueDate").asString() + " " + m.get("title").asString()));
        assertThat(milestones).containsExactly("2026-03-31 完成摸底", "2026-06-30 完成一半", "2026-09-30 全部完成");
        assertThat(task.get("description").asString()).isEqualTo("第7项");
        // Each task went through TaskService: history and audit as if typed in, plus one line for the file.
        assertThat(count("SELECT COUNT(*) FROM task_change WHERE task_id IN (SELECT id FROM task WHERE campaign_id = :c)"))
                .isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'task.create' AND entity_id IN "
                + "(SELECT CAST(id AS VARCHAR(20)) FROM task WHERE campaign_id = :c)")).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'task.import' AND entity_id = CAST(:c AS VARCHAR(20))"))
                .isEqualTo(1);
    }

    @Test
    void parentRowsCreateSubtasksThatInheritCategoryAndDates() throws Exception {
        Book book = new Book();
        book.task("高标准农田建设", "项目建设", c.county().name()).set("序号", "1").set("完成时限", "2026-10-31")
                .set("指标名称", "建成面积").set("计量单位", "万亩").set("目标值", "3")
                .indicator("亩均增产", "公斤", "0", "50", "")
                .task("甲镇高标准农田", "", c.townshipA().name()).set("序号", "1.1").set("上级序号", "1")
                .set("指标名称", "建成面积").set("计量单位", "万亩").set("目标值", "1.8")
                .task("乙镇高标准农田", "", c.townshipB().name()).set("序号", "1.2").set("上级序号", "1")
                .set("指标名称", "建成面积").set("计量单位", "万亩").set("目标值", "1.2")
                .task("甲村示范片", "", c.villageA().name()).set("上级序号", "1.1");

        upload(token, "split.xlsx", book.bytes()).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(4));

        long parent = taskId(campaign, "高标准农田建设");
        JsonNode parentTask = getJson("/api/v1/tasks/" + parent);
        assertThat(parentTask.get("indicators").size()).isEqualTo(2);
        assertThat(parentTask.get("indicators").get(1).get("name").asString()).isEqualTo("亩均增产");
        JsonNode subtasks = json.readTree(mvc.perform(get("/api/v1/tasks/" + parent + "/subtasks").header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> titles = new ArrayList<>();
        subtasks.forEach(s -> titles.add(s.get("title").asString()));
        assertThat(titles).containsExactly("甲镇高标准农田", "乙镇高标准农田");
        JsonNode child = getJson("/api/v1/tasks/" + subtasks.get(0).get("id").asLong());
        assertThat(child.get("parentTaskId").asLong()).isEqualTo(parent);
        assertThat(child.get("category").asString()).isEqualTo("项目建设");
        assertThat(child.get("dueDate").asString()).isEqualTo("2026-10-31");
        assertThat(child.get("startDate").asString()).isEqualTo("2026-01-01");
        JsonNode grandchild = getJson("/api/v1/tasks/" + taskId(campaign, "甲村示范片"));
        assertThat(grandchild.get("parentTaskId").asLong()).isEqualTo(child.get("id").asLong());
        assertThat(grandchild.get("dueDate").asString()).isEqualTo("2026-10-31");
    }

    @Test
    void reportsEveryRowProblemWithItsColumnAndStoresNothing() throws Exception {
        createTask(campaign, "已有任务");
        Book book = new Book();
        String a = c.townshipA().name();
        book.task("好任务", "民生改善", a).set("序号", "1")                                      // row 2: fine
                .task("无此单位", "民生改善", "不存在的单位" + c.tag())                            // row 3
                .task("缺目标值", "民生改善", a).set("指标名称", "新增就业").set("计量单位", "人")     // row 4
                .task("基期值错", "民生改善", a).set("指标名称", "产值").set("计量单位", "万元")
                .set("基期值", "很多").set("目标值", "10")                                          // row 5
                .task("日期错", "民生改善", a).set("开始日期", "2026-13-45")                        // row 6
                .task("时限早于开始", "民生改善", a).set("开始日期", "2026-05-01").set("完成时限", "2026-04-01") // row 7
                .task("好任务", "民生改善", a)                                                      // row 8: duplicate of row 2
                .task("已有任务", "民生改善", a)                                                    // row 9: already in the list
                .task("找不到上级", "", a).set("上级序号", "99")                                    // row 10
                .task("上级在后", "", a).set("序号", "L1").set("上级序号", "L2")                    // row 11: later row
                .task("后面的上级", "民生改善", a).set("序号", "L2")                                // row 12: fine
                .task("循环甲", "民生改善", a).set("序号", "C1").set("上级序号", "C2")              // row 13: cycle
                .task("循环乙", "民生改善", a).set("序号", "C2").set("上级序号", "C1")              // row 14: fine on its own
                .task("怪领域", "星际探索", a)                                                      // row 15
                .task("怪方向", "民生改善", a).set("指标名称", "能耗").set("计量单位", "吨")
                .set("目标值", "5").set("指标方向", "差不多")                                        // row 16
                .task("节点错", "民生改善", a).set("时间节点", "下月底 完成签约；2026-06-30 开工")     // row 17
                .indicator("", "人", "", "5", "")                                                 // row 18: indicator without name
                .task("", "民生改善", a)                                                           // row 19: no title
                .task("配合单位是牵头单位", "民生改善", a).set("配合单位", a)                         // row 20
                .task("节点晚于时限", "民生改善", a).set("完成时限", "2026-06-30")
                .set("时间节点", "2026-07-31 验收")                                                 // row 21
                .task("权重错", "民生改善", a).set("权重", "0")                                      // row 22
                .task("晚于行动结束", "民生改善", a).set("完成时限", "2027-03-01")                   // row 23
                .task("领导不对", "民生改善", a).set("包保领导", "查无此人" + c.tag())                // row 24
                .task("序号重复", "民生改善", a).set("序号", "1");                                  // row 25

        String body = upload(token, "bad.xlsx", book.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();

        JsonNode problem = json.readTree(body);
        List<String> found = new ArrayList<>();
        problem.get("errors").forEach(e -> found.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        assertThat(found).containsExactly("3:牵头单位", "4:目标值", "5:基期值", "6:开始日期", "7:完成时限", "8:任务名称",
                "9:任务名称", "10:上级序号", "11:上级序号", "13:上级序号", "15:领域", "16:指标方向", "17:时间节点",
                "18:指标名称", "19:任务名称", "20:配合单位", "21:时间节点", "22:权重", "23:完成时限", "24:包保领导", "25:序号");
        assertThat(problem.get("detail").asString()).isEqualTo("导入文件有 21 处错误，未导入任何数据");
        assertThat(body).contains("找不到单位“不存在的单位" + c.tag() + "”", "请填写指标“新增就业”的目标值",
                "基期值“很多”不是数字", "日期“2026-13-45”无法识别", "完成时限 2026-04-01 早于开始日期 2026-05-01",
                "任务名称“好任务”与第2行重复", "清单中已有同名任务“已有任务”", "找不到序号为“99”的行",
                "上级任务（第12行）须排在本行之前", "上级序号形成循环", "领域“星际探索”不在本攻坚行动的领域中",
                "无法识别的指标方向“差不多”", "时间节点“下月底 完成签约”的日期无法识别", "没有填写指标名称",
                "请填写任务名称", "配合单位“" + a + "”就是牵头单位", "晚于完成时限 2026-06-30", "权重须大于0",
                "晚于攻坚行动结束日期 2026-12-31", "找不到干部“查无此人" + c.tag() + "”", "序号“1”与第2行重复");
        assertThat(tasksIn(campaign)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'task.import' AND entity_id = CAST(:c AS VARCHAR(20))"))
                .isZero();
    }

    @Test
    void namesUnitsOutsideTheCampaignOrTheCallersScopeAndAmbiguousNames() throws Exception {
        UnitView twinA = org.createUnit(new UnitCommand("同名村", UnitKind.VILLAGE, c.townshipA().id(), "TA" + c.tag()), DataScope.everything());
        org.createUnit(new UnitCommand("同名村", UnitKind.VILLAGE, c.townshipB().id(), "TB" + c.tag()), DataScope.everything());
        long townshipCampaign = createCampaign("甲镇攻坚" + c.tag(), c.townshipA().id());
        Book county = new Book();
        county.task("重名", "民生改善", "同名村")
                .task("名称加编码", "民生改善", "同名村（TA" + c.tag() + "）")
                .task("只写编码", "民生改善", "TB" + c.tag());
        upload(token, "twins.xlsx", county.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].message", containsString("请写成“名称（编码）”")));

        Book outside = new Book();
        outside.task("乙镇的事", "民生改善", c.townshipB().name()).set("配合单位", c.department().name())
                .task("甲镇的事", "民生改善", "同名村（TA" + c.tag() + "）");
        upload(token, townshipCampaign, "outside.xlsx", outside.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("牵头单位"))
                .andExpect(jsonPath("$.errors[0].message", containsString("不在本攻坚行动（" + c.townshipA().name() + "）的范围内")))
                .andExpect(jsonPath("$.errors[1].field").value("配合单位"));

        String aSupervisor = fixtures.user("supa" + c.tag(), c.townshipA(), Role.SUPERVISOR);
        Book scope = new Book();
        scope.task("乙镇的事", "民生改善", c.townshipB().name()).set("配合单位", c.townshipB().name() + "，" + c.department().name())
                .task("甲镇的事", "民生改善", c.townshipA().name());
        upload(Logins.token(mvc, aSupervisor), "scope.xlsx", scope.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].message").value("单位“" + c.townshipB().name() + "”不在您的数据范围内"));
        assertThat(tasksIn(campaign) + tasksIn(townshipCampaign)).isZero();

        Book fixed = new Book();
        fixed.task("名称加编码", "民生改善", "同名村（TA" + c.tag() + "）").task("只写编码", "民生改善", "TB" + c.tag());
        upload(token, "fixed.xlsx", fixed.bytes()).andExpect(status().isOk());
        assertThat(getJson("/api/v1/tasks/" + taskId(campaign, "名称加编码")).get("leadUnitId").asLong()).isEqualTo(twinA.id());
    }

    @Test
    void refusesEmptyFilesWrongHeadersGarbageAndZipBombs() throws Exception {
        upload(token, "empty.xlsx", new Book().bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("文件中没有数据行"));
        upload(token, "zero.xlsx", new byte[0]).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("请选择要上传的 .xlsx 文件"));
        try (XSSFWorkbook other = new XSSFWorkbook()) {
            other.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("序号");
            upload(token, "other.xlsx", XlsxFiles.write(other)).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("file"))
                    .andExpect(jsonPath("$.detail", containsString("攻坚清单")));
        }
        Book header = new Book();
        header.sheet.getRow(0).getCell(2).setCellValue("任务");
        header.task("一项任务", "民生改善", c.townshipA().name());
        upload(token, "header.xlsx", header.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("任务名称"))
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].message").value("第3列表头应为“任务名称”，实际为“任务”"));

        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        upload(token, "noise.xlsx", noise).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("文件无法读取")));

        Book valid = new Book();
        valid.task("一项任务", "民生改善", c.townshipA().name());
        byte[] validBytes = valid.bytes();
        byte[] bomb = XlsxFiles.inflateSheetTo(validBytes, 200L * 1024 * 1024);
        assertThat(bomb.length).as("compressed size").isLessThan(2 * 1024 * 1024);
        upload(token, "bomb.xlsx", bomb).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("文件无法读取")));
        // Control: the same construction with a small payload is readable (its A1 is just a wrong header).
        upload(token, "small.xlsx", XlsxFiles.inflateSheetTo(validBytes, 50 * 1024)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("序号"));
        assertThat(tasksIn(campaign)).isZero();
    }

    @Test
    void refusesMoreThanTwentyThousandRowsAndListsAtMostAThousandProblems() throws Exception {
        Book huge = new Book();
        for (int i = 0; i < 20_001; i++) {
            huge.task("任务" + i, "民生改善", c.townshipA().name());
        }
        upload(token, "huge.xlsx", huge.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.detail").value("工作表“攻坚清单”超过 20000 行，请分批导入"));

        Book bad = new Book();
        for (int i = 0; i < 1_200; i++) {
            bad.task("任务" + i, "星际探索", c.townshipA().name());
        }
        upload(token, "bad.xlsx", bad.bytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1_000))
                .andExpect(jsonPath("$.errors[999].row").value(1_001))
                .andExpect(jsonPath("$.detail").value("导入文件有 1200 处错误，未导入任何数据（只列出前 1000 处）"));
        assertThat(tasksIn(campaign)).isZero();
    }

    @Test
    void importsTenThousandRows() throws Exception {
        Book book = new Book();
        String[] townships = {c.townshipA().name(), c.townshipB().name(), c.villageA().name(), c.department().name()};
        for (int p = 1; p <= 2_000; p++) {
            book.task("重点任务" + p, p % 2 == 0 ? "项目建设" : "民生改善", c.department().name()).set("序号", String.valueOf(p))
                    .set("包保领导", "赵" + c.tag() + "（副县长）").set("配合单位", c.townshipA().name())
                    .set("完成时限", "2026-11-30").set("指标名称", "投资额").set("计量单位", "万元").set("目标值", "4000")
                    .set("时间节点", "2026-03-31 开工；2026-09-30 主体完工");
            for (int k = 0; k < 4; k++) {
                book.task("重点任务" + p + "分解" + k, "", townships[k]).set("上级序号", String.valueOf(p))
                        .set("指标名称", "投资额").set("计量单位", "万元").set("目标值", "1000")
                        .set("时间节点", "2026-06-30 完成过半");
            }
        }
        byte[] bytes = book.bytes();

        long start = System.nanoTime();
        upload(token, "big.xlsx", bytes).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(10_000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[measure] 10,000-row task import (%d KB): %d ms%n", bytes.length / 1024, millis);

        assertThat(tasksIn(campaign)).isEqualTo(10_000);
        assertThat(count("SELECT COUNT(*) FROM task WHERE campaign_id = :c AND parent_task_id IS NOT NULL")).isEqualTo(8_000);
        assertThat(count("SELECT COUNT(*) FROM milestone WHERE task_id IN (SELECT id FROM task WHERE campaign_id = :c)"))
                .isEqualTo(12_000);

        long exportStart = System.nanoTime();
        byte[] exported = export("/api/v1/campaigns/" + campaign + "/tasks/export", token);
        System.out.printf("[measure] 10,000-task export (%d KB): %d ms%n", exported.length / 1024,
                (System.nanoTime() - exportStart) / 1_000_000);
        try (XSSFWorkbook book2 = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            assertThat(book2.getSheet("攻坚清单").getLastRowNum()).isEqualTo(10_000);
        }
    }

    @Test
    void exportIsFormattedFormulaSafeAndImportsAgainIntoAFreshCampaign() throws Exception {
        Book book = new Book();
        book.task("=HYPERLINK(\"http://evil.example\",\"点我\")", "项目建设", c.townshipA().name()).set("序号", "1")
                .set("配合单位", c.department().name() + "、" + c.townshipB().name()).set("包保领导", "王" + c.tag())
                .set("权重", "1.5").set("开始日期", "2026-02-01").set("完成时限", "2026-10-31")
                .set("指标名称", "新建道路").set("计量单位", "公里").set("基期值", "0").set("目标值", "12.345")
                .set("时间节点", "2026-03-31 完成招标；2026-08-31 主体完工").set("任务描述", "@SUM(1+1)*cmd|' /C calc'!A0")
                .indicator("PM2.5浓度", "微克/立方米", "45", "35", "越小越好")
                .task("+甲镇分解", "", c.townshipA().name()).set("序号", "1.1").set("上级序号", "1")
                .set("指标名称", "新建道路").set("计量单位", "公里").set("目标值", "7")
                .task("-乙镇分解", "", c.townshipB().name()).set("序号", "1.2").set("上级序号", "1")
                .set("指标名称", "新建道路").set("计量单位", "公里").set("目标值", "5.345")
                .task("普通任务", "民生改善", c.department().name()).set("时间节点", "2026-12-31 全面完成");
        upload(token, "source.xlsx", book.bytes()).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(4));

        byte[] exported = export("/api/v1/campaigns/" + campaign + "/tasks/export", token);

        try (XSSFWorkbook out = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = out.getSheet("攻坚清单");
            List<String> header = cells(sheet.getRow(0));
            assertThat(header.subList(0, 17)).isEqualTo(COLUMNS);
            assertThat(header.subList(17, 19)).containsExactly("亮灯", "进度(%)");
            assertThat(out.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getColumnWidth(2)).isGreaterThan(sheet.getColumnWidth(0));
            assertThat(sheet.getLastRowNum()).isEqualTo(5); // 4 tasks + 1 row for the second indicator

            Row first = sheet.getRow(1);
            Cell title = first.getCell(2);
            assertThat(title.getCellType()).isEqualTo(CellType.STRING);
            assertThat(title.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"点我\")");
            assertThat(title.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(first.getCell(16).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(first.getCell(3).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(sheet.getRow(3).getCell(2).getCellStyle().getQuotePrefixed()).isTrue(); // "+甲镇分解"
            assertThat(sheet.getRow(4).getCell(2).getCellStyle().getQuotePrefixed()).isTrue(); // "-乙镇分解"
            assertThat(first.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(8))).isTrue();
            assertThat(first.getCell(9).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 31));
            assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(1.5);
            assertThat(first.getCell(13).getNumericCellValue()).isEqualTo(12.345);
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo(c.townshipA().name());
            assertThat(first.getCell(5).getStringCellValue().split("、"))
                    .containsExactlyInAnyOrder(c.department().name(), c.townshipB().name());
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("王" + c.tag() + "（县长）");
            assertThat(first.getCell(15).getStringCellValue()).isEqualTo("2026-03-31 完成招标；2026-08-31 主体完工");
            assertThat(first.getCell(17).getStringCellValue()).isEqualTo("未评估");
            assertThat(first.getCell(18).getCellType()).isEqualTo(CellType.NUMERIC);
            Row second = sheet.getRow(2);
            assertThat(second.getCell(2)).isNull();
            assertThat(second.getCell(10).getStringCellValue()).isEqualTo("PM2.5浓度");
            assertThat(second.getCell(14).getStringCellValue()).isEqualTo("越小越好");
            assertThat(cells(sheet.getRow(3)).subList(0, 2)).containsExactly("1.1", "1");
            assertThat(out.getSheet("说明")).isNotNull();
        }

        long fresh = createCampaign("另一攻坚行动" + c.tag(), c.county().id());
        upload(token, fresh, "again.xlsx", exported).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(4));
        assertThat(snapshot(fresh)).isEqualTo(snapshot(campaign));
        assertThat(snapshot(fresh)).hasSize(4);
    }

    @Test
    void exportHonoursFiltersAndTheCallersScope() throws Exception {
        Book book = new Book();
        book.task("甲镇任务", "民生改善", c.townshipA().name())
                .task("甲村任务", "项目建设", c.villageA().name())
                .task("乙镇任务", "民生改善", c.townshipB().name())
                .task("部门任务", "项目建设", c.department().name())
                .task("乙镇牵头甲镇配合", "民生改善", c.townshipB().name()).set("配合单位", c.townshipA().name());
        upload(token, "scoped.xlsx", book.bytes()).andExpect(status().isOk());

        assertThat(exportedTitles("/api/v1/campaigns/" + campaign + "/tasks/export", Logins.token(mvc, c.liaisonAUser())))
                .containsExactly("甲镇任务", "甲村任务", "乙镇牵头甲镇配合");
        assertThat(exportedTitles("/api/v1/campaigns/" + campaign + "/tasks/export?category=项目建设", token))
                .containsExactly("甲村任务", "部门任务");
        assertThat(exportedTitles("/api/v1/campaigns/" + campaign + "/tasks/export?leadUnitId=" + c.townshipA().id(), token))
                .containsExactly("甲镇任务", "甲村任务");
        assertThat(exportedTitles("/api/v1/campaigns/" + campaign + "/tasks/export?q=乙镇", token))
                .containsExactly("乙镇任务", "乙镇牵头甲镇配合");
        assertThat(exportedTitles("/api/v1/campaigns/" + campaign + "/tasks/export?light=RED", token)).isEmpty();
        County other = fixtures.county();
        mvc.perform(get("/api/v1/campaigns/" + campaign + "/tasks/export").header("Authorization", Logins.token(mvc, other.adminUser())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void liaisonMayNotImportOrDownloadTheTemplate() throws Exception {
        String liaison = Logins.token(mvc, c.liaisonAUser());
        Book book = new Book();
        book.task("联络员的任务", "民生改善", c.townshipA().name());

        upload(liaison, "liaison.xlsx", book.bytes()).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/campaigns/" + campaign + "/tasks/template").header("Authorization", liaison))
                .andExpect(status().isForbidden());
        var session = Logins.session(mvc, c.liaisonAUser());
        mvc.perform(get("/campaigns/" + campaign + "/tasks/import").session(session)).andExpect(status().isForbidden());
        assertThat(tasksIn(campaign)).isZero();
    }

    @Test
    void importPageListsEachProblemAndReportsSuccess() throws Exception {
        var session = Logins.session(mvc, supervisor);
        mvc.perform(get("/campaigns/" + campaign + "/tasks/import").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("导入攻坚清单")))
                .andExpect(content().string(containsString("/campaigns/" + campaign + "/tasks/template.xlsx")));
        Book bad = new Book();
        bad.task("一项任务", "星际探索", c.townshipA().name());
        mvc.perform(multipart("/campaigns/" + campaign + "/tasks/import")
                        .file(new MockMultipartFile("file", "bad.xlsx", XLSX, bad.bytes())).session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入失败，未导入任何数据")))
                .andExpect(content().string(containsString("<td>2</td><td>领域</td><td>领域“星际探索”不在本攻坚行动的领域中")));
        assertThat(tasksIn(campaign)).isZero();

        Book good = new Book();
        good.task("一项任务", "民生改善", c.townshipA().name());
        mvc.perform(multipart("/campaigns/" + campaign + "/tasks/import")
                        .file(new MockMultipartFile("file", "good.xlsx", XLSX, good.bytes())).session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入成功：共创建 1 项任务。")));
        assertThat(tasksIn(campaign)).isEqualTo(1);
        mvc.perform(get("/campaigns/" + campaign + "/tasks/template.xlsx").session(session))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX));
        byte[] exported = mvc.perform(get("/campaigns/" + campaign + "/tasks/export.xlsx").session(session))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook out = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            assertThat(out.getSheet("攻坚清单").getRow(1).getCell(2).getStringCellValue()).isEqualTo("一项任务");
        }
        // The task list page links here with its own filter names: unitId, and light NONE for 未评估.
        byte[] unevaluated = mvc.perform(get("/campaigns/" + campaign + "/tasks/export.xlsx?category=&light=NONE&unitId="
                        + c.townshipA().id() + "&q=").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] red = mvc.perform(get("/campaigns/" + campaign + "/tasks/export.xlsx?light=RED&unitId=&q=").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook a = new XSSFWorkbook(new ByteArrayInputStream(unevaluated));
             XSSFWorkbook b = new XSSFWorkbook(new ByteArrayInputStream(red))) {
            assertThat(a.getSheet("攻坚清单").getLastRowNum()).isEqualTo(1);
            assertThat(b.getSheet("攻坚清单").getLastRowNum()).isZero();
        }
    }

    // --- helpers

    private long createCampaign(String name, long ownerUnitId) throws Exception {
        String body = mvc.perform(post("/api/v1/campaigns").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"year\":2026,\"startDate\":\"2026-01-01\",\"endDate\":\"2026-12-31\","
                                + "\"ownerUnitId\":" + ownerUnitId + ",\"reportingFrequency\":\"MONTHLY\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private void createTask(long campaignId, String title) throws Exception {
        mvc.perform(post("/api/v1/campaigns/" + campaignId + "/tasks").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + title + "\",\"category\":\"民生改善\",\"leadUnitId\":" + c.townshipA().id()
                                + ",\"startDate\":\"2026-01-01\",\"dueDate\":\"2026-12-31\"}"))
                .andExpect(status().isCreated());
    }

    private ResultActions upload(String auth, String fileName, byte[] bytes) throws Exception {
        return upload(auth, campaign, fileName, bytes);
    }

    private ResultActions upload(String auth, long campaignId, String fileName, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/campaigns/" + campaignId + "/tasks/import")
                .file(new MockMultipartFile("file", fileName, XLSX, bytes)).header("Authorization", auth));
    }

    private byte[] export(String path, String auth) throws Exception {
        return mvc.perform(get(path).header("Authorization", auth)).andExpect(status().isOk())
                .andExpect(content().contentType(XLSX))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private List<String> exportedTitles(String path, String auth) throws Exception {
        try (XSSFWorkbook out = new XSSFWorkbook(new ByteArrayInputStream(export(path, auth)))) {
            Sheet sheet = out.getSheet("攻坚清单");
            List<String> titles = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                titles.add(sheet.getRow(r).getCell(2).getStringCellValue());
            }
            return titles;
        }
    }

    private JsonNode getJson(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).header("Authorization", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private long taskId(long campaignId, String title) {
        return jdbc.sql("SELECT id FROM task WHERE campaign_id = :c AND title = :t").param("c", campaignId)
                .param("t", title).query(Long.class).single();
    }

    private long tasksIn(long campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE campaign_id = :c").param("c", campaignId).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("c", campaign).query(Long.class).single();
    }

    /** Everything the workbook carries about each task, as comparable text, in creation order. */
    private List<String> snapshot(long campaignId) {
        return jdbc.sql("""
                        SELECT t.id, t.title, t.category, t.lead_unit_id, t.lead_leader_id, t.weight, t.start_date,
                               t.due_date, t.description, p.title AS parent_title
                        FROM task t LEFT JOIN task p ON p.id = t.parent_task_id
                        WHERE t.campaign_id = :c ORDER BY t.id""").param("c", campaignId)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return String.join("|", rs.getString("title"), rs.getString("category"), rs.getString("lead_unit_id"),
                            String.valueOf(rs.getString("lead_leader_id")), rs.getBigDecimal("weight").stripTrailingZeros().toPlainString(),
                            rs.getString("start_date"), rs.getString("due_date"), String.valueOf(rs.getString("description")),
                            String.valueOf(rs.getString("parent_title")), details(id));
                }).list();
    }

    private String details(long taskId) {
        List<String> parts = new ArrayList<>();
        parts.addAll(jdbc.sql("SELECT name, unit, baseline, target, direction FROM indicator WHERE task_id = :t ORDER BY sort_order")
                .param("t", taskId).query((rs, n) -> rs.getString("name") + "/" + rs.getString("unit") + "/"
                        + rs.getBigDecimal("baseline").stripTrailingZeros().toPlainString() + "/"
                        + rs.getBigDecimal("target").stripTrailingZeros().toPlainString() + "/" + rs.getString("direction")).list());
        parts.addAll(jdbc.sql("SELECT due_date, title FROM milestone WHERE task_id = :t ORDER BY sort_order")
                .param("t", taskId).query((rs, n) -> rs.getString("due_date") + " " + rs.getString("title")).list());
        parts.addAll(jdbc.sql("SELECT unit_id FROM task_cooperating_unit WHERE task_id = :t ORDER BY unit_id")
                .param("t", taskId).query((rs, n) -> "协" + rs.getLong("unit_id")).list());
        return String.join(";", parts);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? "" : new DataFormatter().formatCellValue(cell));
        }
        return cells;
    }

    private static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> text.append(cell.getStringCellValue()).append('\n')));
        return text.toString();
    }

    /** The values a named range of the lists sheet refers to. */
    private static List<String> namedList(XSSFWorkbook book, String name) {
        String ref = book.getName(name).getRefersToFormula();
        assertThat(ref).startsWith("lists!");
        var area = new AreaReference(ref, SpreadsheetVersion.EXCEL2007);
        Sheet lists = book.getSheet("lists");
        List<String> values = new ArrayList<>();
        for (var cell : area.getAllReferencedCells()) {
            values.add(lists.getRow(cell.getRow()).getCell(cell.getCol()).getStringCellValue());
        }
        return values;
    }


    /** A task-list workbook built in the test: sheet 攻坚清单 with the template's header; cells set by column name. */
    static final class Book {

        final XSSFWorkbook workbook = new XSSFWorkbook();
        final Sheet sheet = workbook.createSheet("攻坚清单");
        private Row current;

        Book() {
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
            }
        }

        Book task(String title, String category, String leadUnit) {
            current = sheet.createRow(sheet.getLastRowNum() + 1);
            return set("任务名称", title).set("领域", category).set("牵头单位", leadUnit);
        }

        /** A row with only the indicator columns: another indicator of the task above. */
        Book indicator(String name, String unit, String baseline, String target, String direction) {
            current = sheet.createRow(sheet.getLastRowNum() + 1);
            return set("指标名称", name).set("计量单位", unit).set("基期值", baseline).set("目标值", target)
                    .set("指标方向", direction);
        }

        Book set(String column, String value) {
            if (!value.isEmpty()) {
                current.createCell(COLUMNS.indexOf(column)).setCellValue(value);
            }
            return this;
        }

        byte[] bytes() throws IOException {
            try (workbook) {
                return XlsxFiles.write(workbook);
            }
        }
    }
}
