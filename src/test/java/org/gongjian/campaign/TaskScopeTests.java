package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.gongjian.identity.Role;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
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
 * Data scope over the task endpoints: a township sees the tasks it leads or cooperates on (its villages' too), and
 * anything else answers 404 whatever the endpoint; a county supervisor never reaches another county.
 */
class TaskScopeTests extends IntegrationTest {

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
    TaskView ledByA;
    TaskView ledByVillageA;
    TaskView ledByB;
    TaskView ledByBWithA;
    TaskView county;
    TaskView shareA;
    TaskView shareB;

    @BeforeEach
    void tasks() {
        c = fixtures.county();
        campaign = campaigns.campaign(c.county());
        ledByA = campaigns.task(campaign, "甲镇人居环境整治", c.townshipA());
        ledByVillageA = campaigns.task(campaign, "甲村道路硬化", c.villageA());
        ledByB = campaigns.task(campaign, "乙镇人居环境整治", c.townshipB());
        ledByBWithA = campaigns.task(campaign, "跨镇河道治理", c.townshipB(), c.townshipA());
        county = campaigns.jobsTask(campaign, "稳就业攻坚", c.county());
        shareA = campaigns.decompose(county, c.townshipA(), "600").subtasks().get(0);
        shareB = campaigns.decompose(county, c.townshipB(), "400").subtasks().get(0);
    }

    @Test
    void townshipLiaisonListsOnlyTasksItsSubtreeLeadsOrCooperatesOn() throws Exception {
        String liaisonA = Logins.token(mvc, c.liaisonAUser());
        JsonNode page = CampaignFixtures.body(mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/tasks")
                .header("Authorization", liaisonA)).andExpect(status().isOk()));
        assertThat(page.get("items").values().stream().map(t -> t.get("id").asLong()).toList())
                .containsExactlyInAnyOrder(ledByA.id(), ledByVillageA.id(), ledByBWithA.id(), shareA.id());
        assertThat(page.get("total").asLong()).isEqualTo(4);
        for (TaskView visible : List.of(ledByA, ledByVillageA, ledByBWithA, shareA)) {
            for (String path : paths(visible)) {
                mvc.perform(get(path).header("Authorization", liaisonA)).andExpect(status().isOk());
            }
        }
    }

    @Test
    void scopedListPagesEachTaskOnceInListOrderWhetherItsScopeLeadsOrCooperates() {
        // a task two of the scope's units cooperate on, one led in the scope with a unit outside cooperating, one led
        // and cooperated on within the scope: each listed once, in the list's order, on pages of every size
        TaskView twoHelpers = campaigns.task(campaign, "跨镇联合执法", c.townshipB(), c.townshipA(), c.villageA());
        TaskView helpedFromOutside = campaigns.task(campaign, "甲镇乙镇共建", c.townshipA(), c.townshipB());
        TaskView helpedFromInside = campaigns.task(campaign, "甲镇甲村共治", c.townshipA(), c.villageA());
        DataScope a = DataScope.of(c.townshipA().id(), c.townshipA().path());
        DataScope wholeCounty = DataScope.of(c.county().id(), c.county().path());
        TaskFilter all = new TaskFilter(null, null, null, null, false, false);
        List<Long> everyTask = ids(taskService.tasks(campaign.id(), all, DataScope.everything(), new PageQuery(0, 100)).items());
        List<Long> visible = List.of(ledByA.id(), ledByVillageA.id(), ledByBWithA.id(), shareA.id(), twoHelpers.id(),
                helpedFromOutside.id(), helpedFromInside.id());
        List<Long> inListOrder = everyTask.stream().filter(visible::contains).toList();
        assertThat(inListOrder).hasSize(visible.size());
        for (int size : new int[] {1, 2, 3, 50}) {
            List<Long> paged = new java.util.ArrayList<>();
            for (int page = 0; page * size < visible.size() + 1; page++) {
                var result = taskService.tasks(campaign.id(), all, a, new PageQuery(page, size));
                assertThat(result.total()).isEqualTo(visible.size());
                paged.addAll(ids(result.items()));
            }
            assertThat(paged).as("pages of %d", size).isEqualTo(inListOrder);
        }
        var ledByB = taskService.tasks(campaign.id(), new TaskFilter(null, null, c.townshipB().id(), null, false, false), a,
                new PageQuery(0, 50));
        assertThat(ids(ledByB.items())).containsExactlyInAnyOrder(ledByBWithA.id(), twoHelpers.id());
        assertThat(ledByB.total()).isEqualTo(2);
        var county = taskService.tasks(campaign.id(), all, wholeCounty, new PageQuery(0, 100));
        assertThat(ids(county.items())).isEqualTo(everyTask);
        assertThat(county.total()).isEqualTo(everyTask.size());
    }

    @Test
    void leadUnitFilterListsTheUnitsWholeSubtreeAndAnUnknownUnitNothing() {
        // the filter's path is read first and inlined (TaskStore.where): a village is under its township, another
        // township's tasks are not, and an id no unit has lists nothing instead of failing or listing everything
        DataScope all = DataScope.everything();
        var byA = taskService.tasks(campaign.id(), new TaskFilter(null, null, c.townshipA().id(), null, false, false), all,
                new PageQuery(0, 50));
        assertThat(ids(byA.items())).containsExactlyInAnyOrder(ledByA.id(), ledByVillageA.id(), shareA.id());
        assertThat(byA.total()).isEqualTo(3);
        var byVillage = taskService.tasks(campaign.id(), new TaskFilter(null, null, c.villageA().id(), null, false, false),
                all, new PageQuery(0, 50));
        assertThat(ids(byVillage.items())).containsExactly(ledByVillageA.id());
        assertThat(byVillage.total()).isEqualTo(1);
        var unknown = taskService.tasks(campaign.id(), new TaskFilter(null, null, Long.MAX_VALUE, null, false, false), all,
                new PageQuery(0, 50));
        assertThat(unknown.items()).isEmpty();
        assertThat(unknown.total()).isZero();
    }

    private static List<Long> ids(List<TaskRow> rows) {
        return rows.stream().map(TaskRow::id).toList();
    }

    @Test
    void townshipLiaisonGets404ForEveryOtherTaskOnEveryEndpoint() throws Exception {
        String liaisonA = Logins.token(mvc, c.liaisonAUser());
        for (TaskView hidden : List.of(ledByB, shareB, county)) {
            for (String path : paths(hidden)) {
                mvc.perform(get(path).header("Authorization", liaisonA)).andExpect(status().isNotFound())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            }
        }
        mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/tasks?leadUnitId=" + c.townshipB().id())
                .header("Authorization", liaisonA)).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(ledByBWithA.id()));
    }

    @Test
    void supervisorOfAnotherCountyGets404ForThisCountysCampaignAndTasks() throws Exception {
        County other = fixtures.county();
        String foreign = Logins.token(mvc, fixtures.user("sup" + other.tag(), other.county(), Role.SUPERVISOR));
        mvc.perform(get("/api/v1/campaigns/" + campaign.id()).header("Authorization", foreign))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/campaigns/" + campaign.id() + "/tasks").header("Authorization", foreign))
                .andExpect(status().isNotFound());
        for (String path : paths(county)) {
            mvc.perform(get(path).header("Authorization", foreign)).andExpect(status().isNotFound());
        }
        String body = CampaignFixtures.json(CampaignFixtures.command("改名", c.county(), List.of(), List.of()));
        mvc.perform(put("/api/v1/tasks/" + ledByA.id()).header("Authorization", foreign)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/tasks/" + ledByA.id()).header("Authorization", foreign).header("If-Match", "0")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/campaigns/" + campaign.id() + "/tasks").header("Authorization", foreign)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        decompose(foreign, county, c.townshipA()).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks/" + ledByA.id()).header("Authorization", Logins.token(mvc, c.adminUser())))
                .andExpect(jsonPath("$.title").value("甲镇人居环境整治"));
    }

    @Test
    void unitHeadDecomposesOnlyWithinItsTownship() throws Exception {
        String headA = Logins.token(mvc, fixtures.user("heada" + c.tag(), c.townshipA(), Role.UNIT_HEAD));
        decompose(headA, ledByB, c.villageA()).andExpect(status().isNotFound());
        decompose(headA, ledByA, c.townshipB()).andExpect(status().isNotFound());
        decompose(headA, ledByA, c.villageA()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.subtasks[0].leadUnitId").value(c.villageA().id()));
        mvc.perform(get("/api/v1/tasks/" + ledByA.id() + "/subtasks").header("Authorization",
                Logins.token(mvc, c.liaisonAUser()))).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void cooperatingTownshipSeesButCannotDecomposeOrTakeOverTheLeadTownshipsTask() throws Exception {
        String headA = Logins.token(mvc, fixtures.user("heada" + c.tag(), c.townshipA(), Role.UNIT_HEAD));
        String supervisorA = Logins.token(mvc, fixtures.user("supa" + c.tag(), c.townshipA(), Role.SUPERVISOR));
        mvc.perform(get("/api/v1/tasks/" + ledByBWithA.id()).header("Authorization", headA)).andExpect(status().isOk());
        decompose(headA, ledByBWithA, c.villageA()).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/tasks/" + ledByBWithA.id()).header("Authorization", supervisorA)
                .contentType(MediaType.APPLICATION_JSON)
                .content(CampaignFixtures.json(CampaignFixtures.command("甲镇接管", c.townshipA(), List.of(), List.of()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks/" + ledByBWithA.id()).header("Authorization", headA))
                .andExpect(jsonPath("$.leadUnitId").value(c.townshipB().id()))
                .andExpect(jsonPath("$.subtaskCount").value(0));
    }

    @Test
    void liaisonCannotDecomposeAtAll() throws Exception {
        decompose(Logins.token(mvc, c.liaisonAUser()), ledByA, c.villageA()).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/tasks/" + ledByA.id() + "/subtasks").header("Authorization",
                Logins.token(mvc, c.liaisonAUser()))).andExpect(jsonPath("$.length()").value(0));
    }

    private ResultActions decompose(String token, TaskView parent, UnitView lead) throws Exception {
        return mvc.perform(post("/api/v1/tasks/" + parent.id() + "/subtasks").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"" + lead.name() + "分项\",\"leadUnitId\":" + lead.id() + ",\"target\":10}"));
    }

    private static List<String> paths(TaskView task) {
        String base = "/api/v1/tasks/" + task.id();
        return List.of(base, base + "/subtasks", base + "/history", base + "/instructions");
    }
}
