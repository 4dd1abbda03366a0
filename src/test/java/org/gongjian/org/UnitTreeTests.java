package org.gongjian.org;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.util.Map;

import org.gongjian.identity.Role;
import org.gongjian.shared.DataScope;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The unit tree over {@code /api/v1/units}: create, rename, move with its subtree, placement and code rules, paging. */
class UnitTreeTests extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    OrgService org;

    final JsonMapper json = JsonMapper.builder().build();

    County c;
    String writer;

    @BeforeEach
    void county() throws Exception {
        c = fixtures.county();
        writer = Logins.token(mvc, c.orgDeptUser());
    }

    @Test
    void createsAUnitUnderItsParent() throws Exception {
        JsonNode created = json.readTree(save(post("/api/v1/units"), "丙镇" + c.tag(), "TOWNSHIP", c.county().id(), "KC" + c.tag())
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString());
        long id = created.get("id").asLong();

        JsonNode read = unit(id, writer);
        assertThat(read.get("name").asString()).isEqualTo("丙镇" + c.tag());
        assertThat(read.get("kind").asString()).isEqualTo("TOWNSHIP");
        assertThat(read.get("parentId").asLong()).isEqualTo(c.county().id());
        assertThat(read.get("code").asString()).isEqualTo("KC" + c.tag());
        assertThat(read.get("path").asString()).isEqualTo(c.county().path() + id + "/");
        assertThat(read.get("depth").asInt()).isEqualTo(c.county().depth() + 1);
        mvc.perform(get("/api/v1/units").param("parentId", String.valueOf(c.county().id())).header("Authorization", writer))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
    }

    @Test
    void updatesNameAndCodeAndFreesTheOldCode() throws Exception {
        long village = c.villageA().id();
        save(put("/api/v1/units/" + village), "新名村" + c.tag(), "VILLAGE", c.townshipA().id(), "NEW" + c.tag())
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("新名村" + c.tag()))
                .andExpect(jsonPath("$.code").value("NEW" + c.tag()));

        JsonNode read = unit(village, writer);
        assertThat(read.get("name").asString()).isEqualTo("新名村" + c.tag());
        assertThat(read.get("code").asString()).isEqualTo("NEW" + c.tag());
        assertThat(read.get("path").asString()).isEqualTo(c.villageA().path());
        save(post("/api/v1/units"), "旧码村", "VILLAGE", c.townshipA().id(), c.villageA().code())
                .andExpect(status().isCreated());
    }

    @Test
    void movingADistrictRewritesItsSubtreeAndTheScopeFollows() throws Exception {
        long district = create("一管区" + c.tag(), "DISTRICT", c.townshipA().id(), "KAD" + c.tag());
        long village = create("管区村" + c.tag(), "VILLAGE", district, "KADV" + c.tag());
        String liaisonA = Logins.token(mvc, c.liaisonAUser());
        String liaisonB = Logins.token(mvc, c.liaisonBUser());
        // A liaison anchored at the district itself, signed in before the move.
        String liaisonD = Logins.token(mvc, fixtures.user("lld" + c.tag(), org.unit(district, DataScope.everything()),
                Role.LIAISON));
        mvc.perform(get("/api/v1/units/" + village).header("Authorization", liaisonA)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/units/" + village).header("Authorization", liaisonB)).andExpect(status().isNotFound());

        save(put("/api/v1/units/" + district), "一管区" + c.tag(), "DISTRICT", c.townshipB().id(), "KAD" + c.tag())
                .andExpect(status().isOk()).andExpect(jsonPath("$.parentId").value(c.townshipB().id()));

        String bPath = c.townshipB().path();
        assertThat(unit(district, writer).get("path").asString()).isEqualTo(bPath + district + "/");
        JsonNode movedVillage = unit(village, writer);
        assertThat(movedVillage.get("path").asString()).isEqualTo(bPath + district + "/" + village + "/");
        assertThat(movedVillage.get("depth").asInt()).isEqualTo(c.townshipB().depth() + 2);
        assertThat(movedVillage.get("parentId").asLong()).isEqualTo(district);
        mvc.perform(get("/api/v1/units").param("parentId", String.valueOf(c.townshipB().id())).header("Authorization", writer))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) district)));
        mvc.perform(get("/api/v1/units").param("parentId", String.valueOf(c.townshipA().id())).header("Authorization", writer))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) district))));
        for (long id : new long[] {district, village}) {
            mvc.perform(get("/api/v1/units/" + id).header("Authorization", liaisonA)).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/units/" + id).header("Authorization", liaisonB)).andExpect(status().isOk());
            mvc.perform(get("/api/v1/units/" + id).header("Authorization", liaisonD)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/units/" + c.townshipB().id()).header("Authorization", liaisonD))
                .andExpect(status().isNotFound());

        // And a township-A village moved into the (now township-B) district follows the same way.
        long villageA = c.villageA().id();
        save(put("/api/v1/units/" + villageA), c.villageA().name(), "VILLAGE", district, c.villageA().code())
                .andExpect(status().isOk());
        assertThat(unit(villageA, writer).get("path").asString()).isEqualTo(bPath + district + "/" + villageA + "/");
        mvc.perform(get("/api/v1/units/" + villageA).header("Authorization", liaisonA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/units/" + villageA).header("Authorization", liaisonB)).andExpect(status().isOk());
    }

    @Test
    void refusesToMoveAUnitUnderItselfOrItsDescendant() throws Exception {
        long district = create("二管区" + c.tag(), "DISTRICT", c.townshipA().id(), "KAD" + c.tag());
        long village = create("二管区村" + c.tag(), "VILLAGE", district, "KADV" + c.tag());

        for (long target : new long[] {village, district}) {
            save(put("/api/v1/units/" + district), "二管区" + c.tag(), "DISTRICT", target, "KAD" + c.tag())
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].field").value("parentId"))
                    .andExpect(jsonPath("$.detail").value("不能把单位移到它自己或它的下级单位之下"));
        }
        assertThat(unit(district, writer).get("path").asString()).isEqualTo(c.townshipA().path() + district + "/");
        assertThat(unit(village, writer).get("path").asString())
                .isEqualTo(c.townshipA().path() + district + "/" + village + "/");
    }

    @Test
    void refusesAVillageUnderADepartment() throws Exception {
        save(post("/api/v1/units"), "局下村", "VILLAGE", c.department().id(), "KDV" + c.tag())
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.detail").value("村(社区)不能设在部门之下"));
        save(put("/api/v1/units/" + c.villageA().id()), c.villageA().name(), "VILLAGE", c.department().id(),
                c.villageA().code())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("村(社区)不能设在部门之下"));
        assertThat(unit(c.villageA().id(), writer).get("parentId").asLong()).isEqualTo(c.townshipA().id());
        mvc.perform(get("/api/v1/units").param("q", "KDV" + c.tag()).header("Authorization", writer))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void refusesADuplicateCodeWith409() throws Exception {
        save(post("/api/v1/units"), "重码村", "VILLAGE", c.townshipA().id(), c.townshipB().code())
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(c.townshipB().code())));
        save(put("/api/v1/units/" + c.townshipA().id()), c.townshipA().name(), "TOWNSHIP", c.county().id(),
                c.townshipB().code())
                .andExpect(status().isConflict());
        assertThat(unit(c.townshipA().id(), writer).get("code").asString()).isEqualTo(c.townshipA().code());
    }

    @Test
    void refusesToChangeTheKindOfAUnitWithChildren() throws Exception {
        long district = create("三管区" + c.tag(), "DISTRICT", c.townshipA().id(), "KAD" + c.tag());
        create("三管区村" + c.tag(), "VILLAGE", district, "KADV" + c.tag());

        // A village under a township would be a valid placement: only the children forbid the change.
        save(put("/api/v1/units/" + district), "三管区" + c.tag(), "VILLAGE", c.townshipA().id(), "KAD" + c.tag())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.detail").value("该单位有下级单位，不能更改类型"));
        assertThat(unit(district, writer).get("kind").asString()).isEqualTo("DISTRICT");
    }

    @Test
    void capsThePageSizeAt200() throws Exception {
        mvc.perform(get("/api/v1/units").param("size", "100000").header("Authorization", writer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.size").value(200))
                .andExpect(jsonPath("$.page").value(0));
        mvc.perform(get("/api/v1/units").param("size", "0").param("page", "-3").header("Authorization", writer))
                .andExpect(jsonPath("$.size").value(50)).andExpect(jsonPath("$.page").value(0));
        mvc.perform(get("/api/v1/units").param("size", "2").param("page", "1").param("q", c.tag())
                        .header("Authorization", writer))
                .andExpect(jsonPath("$.total").value(5)).andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void searchTreatsPercentAndUnderscoreLiterally() throws Exception {
        long percent = create("百分之%村" + c.tag(), "VILLAGE", c.townshipA().id(), "KP" + c.tag());
        long underscore = create("下划_线村" + c.tag(), "VILLAGE", c.townshipA().id(), "KU" + c.tag());
        String admin = Logins.token(mvc, c.adminUser());

        mvc.perform(get("/api/v1/units").param("q", "%").header("Authorization", admin))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(percent));
        mvc.perform(get("/api/v1/units").param("q", "_").header("Authorization", admin))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(underscore));
        mvc.perform(get("/api/v1/units").param("q", "之%村").header("Authorization", admin))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/units").param("q", "\\").header("Authorization", admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    private ResultActions save(MockHttpServletRequestBuilder request,
                               String name, String kind, long parentId, String code) throws Exception {
        return mvc.perform(request.header("Authorization", writer).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", name, "kind", kind, "parentId", parentId,
                        "code", code))));
    }

    private long create(String name, String kind, long parentId, String code) throws Exception {
        String body = save(post("/api/v1/units"), name, kind, parentId, code).andExpect(status().isCreated())
                .andExpect(header().exists("Location")).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private JsonNode unit(long id, String token) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/units/" + id).header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
