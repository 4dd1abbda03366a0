package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.MutableClock;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * The task list over the API: create with validation, change with history and optimistic versions, decompose to
 * townships with the split check, progress rolled up to the parent, and list filters and paging.
 */
class TaskApiTests extends IntegrationTest {

    static final String JOBS_INDICATOR = """
            [{"name":"新增城镇就业人数","unit":"人","baseline":0,"target":1000,"direction":"HIGHER_IS_BETTER"}]""";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    CampaignFixtures campaigns;

    @Autowired
    TaskService taskService;

    County c;
    CampaignView campaign;
    String supervisor;
    String supervisorName;

    @BeforeEach
    void campaign() throws Exception {
        c = fixtures.county();
        campaign = campaigns.campaign(c.county());
        supervisorName = fixtures.user("sup" + c.tag(), c.county(), Role.SUPERVISOR);
        supervisor = Logins.token(mvc, supervisorName);
    }

    @Test
    void createsATaskWithIndicatorsAndMilestonesAtZeroProgressWithItsExplanation() throws Exception {
        JsonNode task = CampaignFixtures.body(create(task("稳就业攻坚", "民生改善", c.department().id(), "2026-12-31",
                JOBS_INDICATOR, "[{\"title\":\"制定方案\",\"dueDate\":\"2026-03-31\"}]"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/v1/tasks/\\d+"))));
        assertThat(task.get("progress").decimalValue()).isZero();
        assertThat(task.get("version").asInt()).isZero();
        assertThat(task.get("weight").decimalValue()).isEqualByComparingTo("1");
        assertThat(task.get("leadUnitName").asString()).isEqualTo(c.department().name());
        assertThat(task.get("indicators").get(0).get("id").asLong()).isPositive();
        assertThat(task.get("milestones").get(0).get("title").asString()).isEqualTo("制定方案");
        assertThat(strings(task.get("progressExplanation"))).containsExactly(
                "指标“新增城镇就业人数”完成 0%（基期 0，目标 1000，实际 未报）", "节点完成 0/1（0%）", "指标与节点各占一半");
        mvc.perform(get("/api/v1/tasks/" + task.get("id").asLong()).header("Authorization", supervisor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("稳就业攻坚"));
    }

    @Test
    void missingTitleCategoryAndDatesAnswer400WithChineseFieldErrors() throws Exception {
        create("{\"leadUnitId\":" + c.department().id() + "}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("title", "category", "startDate", "dueDate")))
                .andExpect(jsonPath("$.errors[*].message", containsInAnyOrder("请填写任务名称", "请选择领域",
                        "请填写开始日期", "请填写完成时限")));
    }

    @Test
    void wrongJsonTypesAnswer400() throws Exception {
        create(task("稳就业攻坚", "民生改善", c.department().id(), "2026-12-31", "[]", "[]")
                .replace("\"leadUnitId\":" + c.department().id(), "\"leadUnitId\":\"人社局\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value(matchesPattern(".*/malformed")));
        create(task("稳就业攻坚", "民生改善", c.department().id(), "年底前", "[]", "[]")).andExpect(status().isBadRequest());
        create(task("稳就业攻坚", "民生改善", c.department().id(), "2026-12-31", JOBS_INDICATOR.replace("HIGHER_IS_BETTER",
                "SIDEWAYS"), "[]")).andExpect(status().isBadRequest());
        create("{\"title\":").andExpect(status().isBadRequest());
    }

    @Test
    void nullListElementsAreFieldErrorsNotServerErrors() throws Exception {
        create(task("稳就业攻坚", "民生改善", c.department().id(), "2026-12-31", "[null]", "[null]")
                .replace("\"indicators\"", "\"cooperatingUnitIds\":[null],\"indicators\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("cooperatingUnitIds[0]", "indicators[0]",
                        "milestones[0]")));
        create(task("稳就业攻坚", "民生改善", c.department().id(), "2026-12-31",
                JOBS_INDICATOR.replace("}]", ",\"trajectory\":[null]}]"), "[]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicators[0].trajectory[0]"));
        TaskView parent = campaigns.jobsTask(campaign, "稳就业攻坚", c.county());
        decompose(parent.id(), "[{\"title\":\"甲镇新增就业\",\"leadUnitId\":%d,\"target\":400},null]"
                .formatted(c.townshipA().id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("[1]"));
    }

    @Test
    void unknownCategoryDueAfterCampaignEndAndLateMilestoneAreAllReported() throws Exception {
        create(task("稳就业攻坚", "航天工程", c.department().id(), "2027-01-31", "[]",
                "[{\"title\":\"验收\",\"dueDate\":\"2027-02-01\"}]"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("category", "dueDate", "milestones[0].dueDate")));
        mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/tasks").header("Authorization", supervisor))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void leadUnitOutsideTheCampaignsUnitAnswers422() throws Exception {
        CampaignView townshipCampaign = campaigns.campaign(c.townshipA());
        mvc.perform(post("/api/v1/campaigns/" + townshipCampaign.id() + "/tasks").header("Authorization", supervisor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(task("乙镇任务", "民生改善", c.townshipB().id(), "2026-12-31", "[]", "[]")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("leadUnitId"))
                .andExpect(jsonPath("$.errors[0].message").value("牵头单位不在本攻坚行动的范围内"));
    }

    @Test
    void duplicateTitleAmongSiblingsAnswers409() throws Exception {
        create(task("稳就业攻坚", "民生改善", c.department().id(), "2026-12-31", "[]", "[]")).andExpect(status().isCreated());
        create(task(" 稳就业攻坚 ", "生态环保", c.townshipA().id(), "2026-10-31", "[]", "[]"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(matchesPattern(".*/duplicate-title")));
    }

    @Test
    void changingTitleAndTargetLeavesHistoryWithFieldBeforeAfterAndActor() throws Exception {
        JsonNode task = CampaignFixtures.body(create(task("稳就业攻坚", "民生改善", c.department().id(), "2026-12-31",
                JOBS_INDICATOR, "[]")).andExpect(status().isCreated()));
        long id = task.get("id").asLong();
        Instant changedAt = MutableClock.START.plus(Duration.ofHours(3));
        clock.set(changedAt);
        String changed = task("稳就业攻坚（调整）", "民生改善", c.department().id(), "2026-12-31",
                JOBS_INDICATOR.replace("{\"name\"", "{\"id\":" + task.get("indicators").get(0).get("id").asLong() + ",\"name\"")
                        .replace("1000", "1200"), "[]");
        mvc.perform(put("/api/v1/tasks/" + id).header("Authorization", supervisor)
                        .contentType(MediaType.APPLICATION_JSON).content(changed))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));

        JsonNode history = CampaignFixtures.body(mvc.perform(get("/api/v1/tasks/" + id + "/history")
                .header("Authorization", supervisor)).andExpect(status().isOk()));
        assertThat(history.values().stream().map(h -> h.get("field").asString() + "|" + text(h.get("before")) + "|"
                + text(h.get("after")) + "|" + h.get("actor").asString()).toList()).containsExactly(
                "指标“新增城镇就业人数”|基期 0人，目标 1000人，越大越好|基期 0人，目标 1200人，越大越好|" + supervisorName,
                "任务名称|稳就业攻坚|稳就业攻坚（调整）|" + supervisorName,
                "创建|null|稳就业攻坚|" + supervisorName);
        assertThat(Instant.parse(history.get(0).get("occurredAt").asString())).isEqualTo(changedAt);
    }

    @Test
    void staleIfMatchAnswers409AndChangesNothing() throws Exception {
        long id = CampaignFixtures.body(create(task("稳就业攻坚", "民生改善", c.department().id(), "2026-12-31", "[]", "[]"))
                .andExpect(status().isCreated())).get("id").asLong();
        update(id, "0", "第一次修改").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        update(id, "\"0\"", "过时的修改").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(matchesPattern(".*/stale")));
        mvc.perform(get("/api/v1/tasks/" + id).header("Authorization", supervisor))
                .andExpect(jsonPath("$.title").value("第一次修改")).andExpect(jsonPath("$.version").value(1));
        update(id, "W/\"1\"", "第二次修改").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        update(id, "abc", "第三次修改").andExpect(status().isUnprocessableContent());
    }

    @Test
    void decomposingToTownshipsWarnsWhenTheSharesFallShortAndSubtasksInheritTheIndicator() throws Exception {
        TaskView parent = campaigns.jobsTask(campaign, "稳就业攻坚", c.county());
        JsonNode result = CampaignFixtures.body(decompose(parent.id(), """
                [{"title":"甲镇新增就业","leadUnitId":%d,"target":400},
                 {"title":"乙镇新增就业","leadUnitId":%d,"target":500,"dueDate":"2026-10-31"}]"""
                .formatted(c.townshipA().id(), c.townshipB().id()))
                .andExpect(status().isCreated()));
        assertThat(strings(result.get("warnings"))).containsExactly("“新增城镇就业人数”分解合计 900人，低于总目标 1000人（差 100人）");
        JsonNode subtasks = result.get("subtasks");
        assertThat(subtasks.size()).isEqualTo(2);
        for (JsonNode subtask : subtasks.values()) {
            assertThat(subtask.get("parentTaskId").asLong()).isEqualTo(parent.id());
            assertThat(subtask.get("category").asString()).isEqualTo("民生改善");
            JsonNode indicator = subtask.get("indicators").get(0);
            assertThat(indicator.get("name").asString()).isEqualTo(CampaignFixtures.JOBS);
            assertThat(indicator.get("unit").asString()).isEqualTo("人");
            assertThat(indicator.get("direction").asString()).isEqualTo("HIGHER_IS_BETTER");
            assertThat(indicator.get("baseline").decimalValue()).isZero();
        }
        assertThat(subtasks.get(0).get("indicators").get(0).get("target").decimalValue()).isEqualByComparingTo("400");
        assertThat(subtasks.get(0).get("dueDate").asString()).isEqualTo("2026-12-31");
        assertThat(subtasks.get(1).get("dueDate").asString()).isEqualTo("2026-10-31");
        mvc.perform(get("/api/v1/tasks/" + parent.id()).header("Authorization", supervisor))
                .andExpect(jsonPath("$.subtaskCount").value(2));
        mvc.perform(get("/api/v1/tasks/" + parent.id() + "/history").header("Authorization", supervisor))
                .andExpect(jsonPath("$[0].field").value("分解"))
                .andExpect(jsonPath("$[0].after").value("分解为 2 项子任务；“新增城镇就业人数”分解合计 900人，低于总目标 1000人（差 100人）"));
    }

    @Test
    void aSingleShareMayBeSentAsAnObject() throws Exception {
        TaskView parent = campaigns.jobsTask(campaign, "稳就业攻坚", c.county());
        decompose(parent.id(), "{\"title\":\"甲镇新增就业\",\"leadUnitId\":%d,\"target\":1000}".formatted(c.townshipA().id()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subtasks.length()").value(1))
                .andExpect(jsonPath("$.warnings.length()").value(0));
    }

    @Test
    void missingTargetRefusesTheWholeDecomposition() throws Exception {
        TaskView parent = campaigns.jobsTask(campaign, "稳就业攻坚", c.county());
        decompose(parent.id(), """
                [{"title":"甲镇新增就业","leadUnitId":%d,"target":400},{"title":"乙镇新增就业","leadUnitId":%d}]"""
                .formatted(c.townshipA().id(), c.townshipB().id()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("[1].target"));
        mvc.perform(get("/api/v1/tasks/" + parent.id() + "/subtasks").header("Authorization", supervisor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void parentProgressIsTheWeightAverageOfItsChildren() throws Exception {
        TaskView parent = campaigns.jobsTask(campaign, "稳就业攻坚", c.county());
        List<TaskView> children = taskService.decompose(parent.id(), List.of(
                new SubtaskCommand("甲镇新增就业", c.townshipA().id(), null, new BigDecimal("400"), null, null),
                new SubtaskCommand("乙镇新增就业", c.townshipB().id(), null, new BigDecimal("500"), null, null)),
                DataScope.everything()).subtasks();
        TaskView a = children.get(0);
        TaskView b = children.get(1);
        taskService.recordActual(a.id(), a.indicators().get(0).id(), new BigDecimal("200"));
        assertThat(progress(a.id())).isEqualByComparingTo("50");
        assertThat(progress(parent.id())).isEqualByComparingTo("25");
        taskService.recordActual(b.id(), b.indicators().get(0).id(), new BigDecimal("500"));
        assertThat(progress(parent.id())).isEqualByComparingTo("75");

        String weighted = task(b.title(), "民生改善", c.townshipB().id(), "2026-12-31", """
                [{"id":%d,"name":"新增城镇就业人数","unit":"人","baseline":0,"target":500,"direction":"HIGHER_IS_BETTER"}]"""
                .formatted(b.indicators().get(0).id()), "[]").replace("\"leadUnitId\"", "\"weight\":3,\"leadUnitId\"");
        mvc.perform(put("/api/v1/tasks/" + b.id()).header("Authorization", supervisor)
                .contentType(MediaType.APPLICATION_JSON).content(weighted)).andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators[0].actual").value(500));

        JsonNode rolledUp = CampaignFixtures.body(mvc.perform(get("/api/v1/tasks/" + parent.id())
                .header("Authorization", supervisor)));
        assertThat(rolledUp.get("progress").decimalValue()).isEqualByComparingTo("87.5");
        assertThat(rolledUp.get("indicators").get(0).get("actual").decimalValue()).isEqualByComparingTo("700");
        assertThat(strings(rolledUp.get("progressExplanation"))).startsWith("由 2 项子任务按权重加权（权重合计 4）")
                .hasSize(3).anyMatch(line -> line.contains("权重 3"));
    }

    @Test
    void listFiltersByCategoryLeadUnitWithSubUnitsTitleAndTopLevel() throws Exception {
        TaskView rate = campaigns.task(campaign, "污水处理率达100%", c.townshipA());
        TaskView toilets = campaigns.taskIn(campaign, "生态环保", "改厕达1000户", c.villageA());
        TaskView roads = campaigns.task(campaign, "乙镇道路硬化", c.townshipB());
        TaskView jobs = campaigns.jobsTask(campaign, "稳就业攻坚", c.county());
        long share = campaigns.decompose(jobs, c.townshipA(), "1000").subtasks().get(0).id();

        assertThat(ids("category=生态环保")).containsExactly(toilets.id());
        assertThat(ids("leadUnitId=" + c.townshipA().id())).containsExactlyInAnyOrder(rate.id(), toilets.id(), share);
        // "达" keeps the random hex tags in unit names (and so in subtask titles) from matching.
        assertThat(ids("q=达100%")).containsExactly(rate.id());
        assertThat(ids("q=达100")).containsExactlyInAnyOrder(rate.id(), toilets.id());
        assertThat(ids("topLevel=true")).containsExactlyInAnyOrder(rate.id(), toilets.id(), roads.id(), jobs.id());
        assertThat(ids("")).hasSize(5);
    }

    @Test
    void listIsPagedAndPageSizeIsCappedAt200() throws Exception {
        for (String title : List.of("任务一", "任务二", "任务三")) {
            campaigns.task(campaign, title, c.townshipA());
        }
        mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/tasks?page=1&size=2").header("Authorization", supervisor))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.size").value(2));
        mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/tasks?size=100000").header("Authorization", supervisor))
                .andExpect(jsonPath("$.items.length()").value(3)).andExpect(jsonPath("$.size").value(200));
    }

    private ResultActions create(String body) throws Exception {
        return mvc.perform(post("/api/v1/campaigns/" + campaign.id() + "/tasks").header("Authorization", supervisor)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions update(long id, String ifMatch, String title) throws Exception {
        return mvc.perform(put("/api/v1/tasks/" + id).header("Authorization", supervisor).header("If-Match", ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .content(task(title, "民生改善", c.department().id(), "2026-12-31", "[]", "[]")));
    }

    private ResultActions decompose(long parentId, String body) throws Exception {
        return mvc.perform(post("/api/v1/tasks/" + parentId + "/subtasks").header("Authorization", supervisor)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<Long> ids(String query) throws Exception {
        JsonNode page = CampaignFixtures.body(mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/tasks?" + query)
                .header("Authorization", supervisor)).andExpect(status().isOk()));
        return page.get("items").values().stream().map(t -> t.get("id").asLong()).toList();
    }

    private BigDecimal progress(long taskId) throws Exception {
        return CampaignFixtures.body(mvc.perform(get("/api/v1/tasks/" + taskId).header("Authorization", supervisor)))
                .get("progress").decimalValue();
    }

    private static String task(String title, String category, long leadUnitId, String due, String indicators,
                               String milestones) {
        return """
                {"title":"%s","category":"%s","leadUnitId":%d,"startDate":"2026-01-01","dueDate":"%s",
                 "indicators":%s,"milestones":%s}""".formatted(title, category, leadUnitId, due, indicators, milestones);
    }

    private static List<String> strings(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asString();
    }
}
