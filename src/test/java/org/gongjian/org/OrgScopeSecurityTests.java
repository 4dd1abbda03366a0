package org.gongjian.org;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Data scope over every org endpoint: a township-A user gets 404 for township B's units and people, by any id,
 * through API and UI; anonymous callers get 401 (API) or the login page (UI); a wrong role gets 403.
 */
class OrgScopeSecurityTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    County c;
    String liaisonA;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        liaisonA = Logins.token(mvc, c.liaisonAUser());
    }

    @Test
    void anonymousApiCallsAnswer401ProblemJson() throws Exception {
        for (String path : new String[] {"/api/v1/units", "/api/v1/units/" + c.townshipA().id(), "/api/v1/people",
                "/api/v1/people/" + c.cadreA().id(), "/api/v1/users", "/api/v1/me", "/api/v1/audit"}) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/v1/units").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anonymousUiRequestsGoToTheLoginPage() throws Exception {
        for (String path : new String[] {"/", "/units", "/units/" + c.townshipA().id(), "/people", "/audit"}) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", containsString("/login")));
        }
    }

    @Test
    void townshipUserSeesOwnSubtreeOnly() throws Exception {
        mvc.perform(get("/api/v1/units/" + c.townshipA().id()).header("Authorization", liaisonA))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value(c.townshipA().name()));
        mvc.perform(get("/api/v1/units/" + c.villageA().id()).header("Authorization", liaisonA))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/units").param("size", "200").header("Authorization", liaisonA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) c.villageA().id())))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) c.townshipB().id()))))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) c.county().id()))));
        mvc.perform(get("/api/v1/people").param("q", c.tag()).header("Authorization", liaisonA))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value(c.cadreA().name()));
    }

    @Test
    void otherTownshipsIdsAnswer404OverTheApi() throws Exception {
        long b = c.townshipB().id();
        for (String path : new String[] {"/api/v1/units/" + b, "/api/v1/units/" + c.county().id(),
                "/api/v1/units?parentId=" + b, "/api/v1/units?parentId=" + c.county().id(),
                "/api/v1/people/" + c.cadreB().id(), "/api/v1/people?unitId=" + b,
                "/api/v1/people?unitId=" + b + "&subunits=true", "/api/v1/units/999999999"}) {
            mvc.perform(get(path).header("Authorization", liaisonA)).andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void otherTownshipsIdsAnswer404InTheUi() throws Exception {
        MockHttpSession session = Logins.session(mvc, c.liaisonAUser());
        long b = c.townshipB().id();
        for (String path : new String[] {"/units/" + b, "/units/" + b + "/children", "/people?unitId=" + b,
                "/units/" + c.county().id()}) {
            mvc.perform(get(path).session(session)).andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("不在您的数据范围内")));
        }
        mvc.perform(get("/units/" + c.townshipA().id()).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(c.townshipA().name())));
    }

    @Test
    void writerOfTownshipACannotTouchTownshipB() throws Exception {
        String orgA = Logins.token(mvc, c.orgDeptAUser());
        mvc.perform(put("/api/v1/units/" + c.townshipB().id()).header("Authorization", orgA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"篡改\",\"kind\":\"TOWNSHIP\",\"parentId\":" + c.county().id()
                                + ",\"code\":\"" + c.townshipB().code() + "\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/units").header("Authorization", orgA).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"新村\",\"kind\":\"VILLAGE\",\"parentId\":" + c.townshipB().id()
                                + ",\"code\":\"X" + c.tag() + "\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/people").header("Authorization", orgA).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"王五\",\"unitId\":" + c.townshipB().id() + ",\"position\":\"副镇长\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/units/" + c.townshipB().id()).header("Authorization", Logins.token(mvc, c.adminUser())))
                .andExpect(jsonPath("$.name").value(c.townshipB().name()));
    }

    @Test
    void wrongRoleAnswers403WhateverItSends() throws Exception {
        mvc.perform(post("/api/v1/units").header("Authorization", liaisonA).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/units/" + c.villageA().id()).header("Authorization", liaisonA)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/people").header("Authorization", liaisonA).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users").header("Authorization", liaisonA)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").header("Authorization", liaisonA)).andExpect(status().isForbidden());
        MockHttpSession session = Logins.session(mvc, c.liaisonAUser());
        mvc.perform(get("/audit").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/units/new").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/org/import").session(session)).andExpect(status().isForbidden());
    }
}
