package org.gongjian.rectification;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.gongjian.rectification.RectificationFixtures.Setup;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The REST contract: create, scope (404 across townships), problem+json, role checks, sign-off and reopen. */
class ProblemApiTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    RectificationFixtures fixtures;
    @Autowired
    ProblemService problems;

    @Test
    void aTownshipRecordsItsProblemOthersCannotSeeIt() throws Exception {
        Setup s = fixtures.setup();
        String liaisonA = Logins.token(mvc, s.c().liaisonAUser());
        String body = """
                {"campaignId": %d, "unitId": %d, "source": "SELF", "category": "队伍建设", "description": "社区工作者配备不足",
                 "severity": "MINOR", "foundOn": "2026-06-01", "taskId": %d,
                 "measures": [{"description": "公开招聘社区工作者", "ownerName": "王主任", "deadline": "2026-08-31",
                               "expectedResult": "每万人配备18名"}]}"""
                .formatted(s.campaign().id(), s.c().townshipA().id(), s.task().id());
        String created = mvc.perform(post("/api/v1/problems").header("Authorization", liaisonA)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.measures[0].ownerUnitName").value(s.c().townshipA().name()))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));

        mvc.perform(get("/api/v1/problems/" + id).header("Authorization", Logins.token(mvc, s.c().liaisonBUser())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/problems").param("campaignId", String.valueOf(s.campaign().id()))
                        .header("Authorization", Logins.token(mvc, s.c().liaisonBUser())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/problems/" + id + "/measures").header("Authorization", liaisonA))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].description").value("公开招聘社区工作者"));

        // bad input: problem+json with the field, nothing written
        mvc.perform(post("/api/v1/problems/" + id + "/measures").header("Authorization", liaisonA)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"description\": \"\", \"ownerName\": \"x\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("deadline")));
        // a liaison may not sign off (role check before the body is read)
        mvc.perform(post("/api/v1/problems/" + id + "/signoff").header("Authorization", liaisonA)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"ok\"}"))
                .andExpect(status().isForbidden());
        // the office: not before every measure is done
        String office = Logins.token(mvc, s.office().getUsername());
        mvc.perform(post("/api/v1/problems/" + id + "/signoff").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"ok\"}"))
                .andExpect(status().isConflict());

        long measure = problems.problem(id, RectificationFixtures.ALL).measures().get(0).id();
        long photo = fixtures.photo(s.c().townshipA().id(), 11);
        mvc.perform(post("/api/v1/problems/" + id + "/measures/" + measure + "/progress").header("Authorization", liaisonA)
                        .header("Idempotency-Key", "rect-progress-" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"已招聘12名\", \"evidenceIds\": [" + photo + "]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        mvc.perform(post("/api/v1/problems/" + id + "/measures/" + measure + "/accept").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.measures[0].status").value("DONE"));
        mvc.perform(post("/api/v1/problems/" + id + "/signoff").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"配备到位\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED_OFF"));
        mvc.perform(post("/api/v1/problems/" + id + "/reopen").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"人员流失\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REOPENED"))
                .andExpect(jsonPath("$.reopenCount").value(1));
        mvc.perform(get("/api/v1/campaigns/" + s.campaign().id() + "/problems/verify").header("Authorization", office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));
    }
}
