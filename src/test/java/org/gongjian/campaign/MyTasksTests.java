package org.gongjian.campaign;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** "我的任务" of a township shows what it leads and what it helps with, never another township's own work. */
class MyTasksTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures fixtures;
    @Autowired CampaignFixtures campaigns;

    @Test
    void aTownshipSeesTasksItLeadsAndTasksItCooperatesOn() throws Exception {
        County c = fixtures.county();
        CampaignView campaign = campaigns.campaign(c.county());
        campaigns.task(campaign, "甲镇牵头" + c.tag(), c.townshipA());
        campaigns.task(campaign, "乙镇牵头甲镇配合" + c.tag(), c.townshipB(), c.townshipA());
        campaigns.task(campaign, "乙镇自己的" + c.tag(), c.townshipB());
        mvc.perform(get("/my/tasks").session(Logins.session(mvc, c.liaisonAUser())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("甲镇牵头" + c.tag())))
                .andExpect(content().string(containsString("乙镇牵头甲镇配合" + c.tag())))
                .andExpect(content().string(not(containsString("乙镇自己的" + c.tag()))));
    }
}
