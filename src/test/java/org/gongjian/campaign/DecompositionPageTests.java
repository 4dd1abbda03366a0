package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The 分解 page and its link on the task page: offered only to whom has lower units to split to. A department's
 * task goes to its county's townships, which its own head does not see: no link, and the page answers 403 with the
 * reason (it answered 404 from reading the county outside the head's scope). Out-of-scope tasks stay 404.
 */
class DecompositionPageTests extends IntegrationTest {

    private static final String LINK = "data-test=\"decompose\"";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    CampaignFixtures campaigns;

    @Autowired
    TaskService tasks;

    County c;
    TaskView ledByDepartment;
    TaskView ledByA;
    TaskView ledByB;
    TaskView ledByBWithA;
    TaskView ledByVillage;

    @BeforeEach
    void tasks() {
        c = fixtures.county();
        CampaignView campaign = campaigns.campaign(c.county());
        ledByDepartment = campaigns.jobsTask(campaign, "住房保障攻坚", c.department());
        ledByA = campaigns.jobsTask(campaign, "甲镇稳就业", c.townshipA());
        ledByB = campaigns.jobsTask(campaign, "乙镇稳就业", c.townshipB());
        ledByBWithA = campaigns.task(campaign, "跨镇河道治理", c.townshipB(), c.townshipA());
        ledByVillage = campaigns.task(campaign, "甲村道路硬化", c.villageA());
    }

    @Test
    void departmentHeadIsNotOfferedTheSplitOfItsTaskAndIsToldWhyRatherThanNotFound() throws Exception {
        MockHttpSession head = Logins.session(mvc, fixtures.user("dh" + c.tag(), c.department(), Role.UNIT_HEAD));
        mvc.perform(get("/tasks/" + ledByDepartment.id()).session(head)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("住房保障攻坚"), not(containsString(LINK)))));
        mvc.perform(get("/tasks/" + ledByDepartment.id() + "/decompose").session(head))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("此任务分解给" + c.county().name() + "的乡镇(街道)，这些单位不在您的管理范围内")));
        mvc.perform(share(ledByDepartment, c.townshipA().id(), "10").session(head)).andExpect(status().isForbidden());
        assertThat(tasks.subtasks(ledByDepartment.id(), DataScope.everything())).isEmpty();
    }

    @Test
    void theCountySplitsTheDepartmentsTaskAmongItsTownships() throws Exception {
        MockHttpSession admin = Logins.session(mvc, c.adminUser());
        mvc.perform(get("/tasks/" + ledByDepartment.id()).session(admin))
                .andExpect(content().string(containsString(LINK)));
        mvc.perform(get("/tasks/" + ledByDepartment.id() + "/decompose").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(c.townshipA().name()),
                        containsString(c.townshipB().name()), not(containsString(c.villageA().name())))));
        mvc.perform(share(ledByDepartment, c.townshipA().id(), "600").session(admin))
                .andExpect(redirectedUrl("/tasks/" + ledByDepartment.id()));
        assertThat(tasks.subtasks(ledByDepartment.id(), DataScope.everything()))
                .extracting(TaskRow::leadUnitId).containsExactly(c.townshipA().id());
    }

    @Test
    void townshipHeadSplitsItsOwnTaskToItsVillagesAndNothingElse() throws Exception {
        MockHttpSession head = Logins.session(mvc, fixtures.user("ha" + c.tag(), c.townshipA(), Role.UNIT_HEAD));
        mvc.perform(get("/tasks/" + ledByA.id()).session(head)).andExpect(content().string(containsString(LINK)));
        mvc.perform(get("/tasks/" + ledByA.id() + "/decompose").session(head)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(c.villageA().name()),
                        not(containsString(c.townshipB().name())))));
        // out of scope stays a 404, on the page and on a post
        mvc.perform(get("/tasks/" + ledByB.id() + "/decompose").session(head)).andExpect(status().isNotFound());
        mvc.perform(share(ledByB, c.villageA().id(), "10").session(head)).andExpect(status().isNotFound());
        // a cooperating township sees the task but does not split it: no link, 403 with the reason
        mvc.perform(get("/tasks/" + ledByBWithA.id()).session(head)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(LINK))));
        mvc.perform(get("/tasks/" + ledByBWithA.id() + "/decompose").session(head)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("此任务由" + c.townshipB().name() + "牵头，只有牵头单位能分解")));
        assertThat(tasks.subtasks(ledByB.id(), DataScope.everything())).isEmpty();
    }

    @Test
    void aVillageTaskHasNoLowerUnitToSplitTo() throws Exception {
        MockHttpSession admin = Logins.session(mvc, c.adminUser());
        mvc.perform(get("/tasks/" + ledByVillage.id()).session(admin)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(LINK))));
        mvc.perform(get("/tasks/" + ledByVillage.id() + "/decompose").session(admin)).andExpect(status().isConflict())
                .andExpect(content().string(containsString(c.villageA().name() + "没有可分解的下级单位")));
    }

    private static MockHttpServletRequestBuilder share(TaskView task, long unitId, String target) {
        return post("/tasks/" + task.id() + "/decompose").with(csrf())
                .param("shares[0].unitId", String.valueOf(unitId)).param("shares[0].target", target)
                .param("shares[0].dueDate", "2026-12-31");
    }
}
