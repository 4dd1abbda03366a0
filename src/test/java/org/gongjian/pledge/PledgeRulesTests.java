package org.gongjian.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.gongjian.campaign.TaskView;
import org.gongjian.identity.Role;
import org.gongjian.pledge.PledgeFixtures.Scene;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of a 军令状 over the API: who may sign and in which order, the password re-entry, freezing once
 * anyone has signed, amendments, earlier versions staying readable, which version binds a task, the register's
 * scope, generation, and the audit trail. Each rule is its own test on a county of its own.
 */
class PledgeRulesTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired OrgFixtures orgs;
    @Autowired PledgeFixtures fixtures;
    @Autowired PledgeService pledges;
    @Autowired JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    Scene s;
    TaskView sewage;
    long id;

    @BeforeEach
    void draftPledgeOfTownshipA() {
        s = fixtures.scene();
        sewage = fixtures.task(s, "农村生活污水治理" + s.tag(), s.c().townshipA(), "12");
        id = fixtures.generate(s, s.c().townshipA());
    }

    // --- who signs -------------------------------------------------------------------------------------------

    @Test
    void unitHeadOfAnotherTownshipDoesNotSeeThePledge() throws Exception {
        sign(s.headB(), OrgFixtures.PASSWORD).andExpect(status().isNotFound());
        assertStillUnsigned();
    }

    @Test
    void liaisonOfTheSameTownshipIsRefusedByRole() throws Exception {
        sign(s.c().liaisonAUser(), OrgFixtures.PASSWORD).andExpect(status().isForbidden());
        assertStillUnsigned();
    }

    @Test
    void unitHeadAboveThePledgedUnitIsNotItsSignatory() throws Exception {
        String countyHead = orgs.user("headk" + s.tag(), s.c().county(), Role.UNIT_HEAD);
        sign(countyHead, OrgFixtures.PASSWORD).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("本单位负责人")));
        assertStillUnsigned();
    }

    @Test
    void leaderOfAnotherCountyDoesNotSeeThePledge() throws Exception {
        County other = orgs.county();
        signSignatory();
        sign(other.leaderUser(), OrgFixtures.PASSWORD).andExpect(status().isNotFound());
        assertThat(pledge().status()).isEqualTo(PledgeStatus.SIGNATORY_SIGNED);
    }

    @Test
    void leaderWhoseScopeDoesNotCoverTheIssuingUnitCannotCountersign() throws Exception {
        String townshipLeader = orgs.user("ldra" + s.tag(), s.c().townshipA(), Role.LEADER);
        signSignatory();
        sign(townshipLeader, OrgFixtures.PASSWORD).andExpect(status().isForbidden());
        assertThat(pledge().status()).isEqualTo(PledgeStatus.SIGNATORY_SIGNED);
    }

    // --- password re-entry -----------------------------------------------------------------------------------

    @Test
    void wrongPasswordIsRefusedAndChangesNothingThenTheRightOneSigns() throws Exception {
        sign(s.headA(), "not-my-password").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        assertStillUnsigned();
        sign(s.headA(), OrgFixtures.PASSWORD).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SIGNATORY_SIGNED"))
                .andExpect(jsonPath("$.signatures", hasSize(1)))
                .andExpect(jsonPath("$.signatures[0].role").value("SIGNATORY"))
                .andExpect(jsonPath("$.signatures[0].signerName").value(s.c().cadreA().name() + "（镇长）"));
    }

    @Test
    void wrongPasswordsWhileSigningCountTowardTheLoginThrottle() throws Exception {
        String token = Logins.token(mvc, s.headA());
        for (int i = 0; i < 5; i++) {
            mvc.perform(signRequest(token, "wrong-" + i, null)).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.detail", containsString("密码不正确")));
        }
        // Throttled: even the right password must wait, and so must a fresh login from here; nothing is locked.
        mvc.perform(signRequest(token, OrgFixtures.PASSWORD, null)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("登录失败次数过多")));
        mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + s.headA() + "\",\"password\":\"" + OrgFixtures.PASSWORD + "\"}"))
                .andExpect(status().isTooManyRequests());
        assertStillUnsigned();
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'user' AND entity_id = :u AND action <> 'user.create' ORDER BY id")
                .param("u", s.headA()).query(String.class).list())
                .containsSubsequence("login.failure", "login.failure", "login.failure", "login.failure", "login.failure",
                        "login.throttled");
    }

    // --- order and repetition --------------------------------------------------------------------------------

    @Test
    void issuerCannotSignBeforeTheSignatory() throws Exception {
        sign(s.leader(), OrgFixtures.PASSWORD).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("立状人尚未签署")));
        assertStillUnsigned();
    }

    @Test
    void signatoryCannotSignTwice() throws Exception {
        signSignatory();
        sign(s.headA(), OrgFixtures.PASSWORD).andExpect(status().isConflict());
        assertThat(pledge().signatures()).hasSize(1);
    }

    @Test
    void nobodySignsAVersionThatIsAlreadySigned() throws Exception {
        signSignatory();
        sign(s.leader(), OrgFixtures.PASSWORD).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SIGNED"))
                .andExpect(jsonPath("$.signatures", hasSize(2)))
                .andExpect(jsonPath("$.contentHash").isString());
        sign(s.leader(), OrgFixtures.PASSWORD).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已签署生效")));
        sign(s.headA(), OrgFixtures.PASSWORD).andExpect(status().isConflict());
        assertThat(pledge().signatures()).hasSize(2);
    }

    @Test
    void signingAStaleVersionNumberIsRefused() throws Exception {
        fixtures.signBoth(s, id);
        fixtures.amend(s, id, "上级调整目标");
        String token = Logins.token(mvc, s.headA());
        mvc.perform(signRequest(token, OrgFixtures.PASSWORD, 1)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("当前为第2版")));
        mvc.perform(signRequest(token, OrgFixtures.PASSWORD, 3)).andExpect(status().isConflict());
        assertThat(pledge().status()).isEqualTo(PledgeStatus.DRAFT);
        mvc.perform(signRequest(token, OrgFixtures.PASSWORD, 2)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.status").value("SIGNATORY_SIGNED"));
    }

    @Test
    void issuerDoesNotCountersignContentChangedSinceTheSignatorySigned() throws Exception {
        signSignatory();
        jdbc.sql("UPDATE pledge_version SET content_json = REPLACE(content_json, '\"target\":12', '\"target\":6') WHERE pledge_id = :id")
                .param("id", id).update();
        sign(s.leader(), OrgFixtures.PASSWORD).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("哈希不一致")));
        assertThat(pledge().status()).isEqualTo(PledgeStatus.SIGNATORY_SIGNED);
        assertThat(pledge().signatures()).hasSize(1);
    }

    // --- immutability ----------------------------------------------------------------------------------------

    @Test
    void termsOfAnUnsignedDraftCanBeEditedButNotAfterTheFirstSignature() throws Exception {
        String sup = Logins.token(mvc, s.supervisor());
        mvc.perform(put("/api/v1/pledges/" + id).header("Authorization", sup).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rewards\":\"全面完成的，年度考核加5分\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content.rewards").value("全面完成的，年度考核加5分"));
        signSignatory();
        String hash = pledge().contentHash();
        mvc.perform(put("/api/v1/pledges/" + id).header("Authorization", sup).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rewards\":\"悄悄改掉\"}"))
                .andExpect(status().isConflict());
        assertThat(pledge().content().rewards()).isEqualTo("全面完成的，年度考核加5分");
        assertThat(pledge().contentHash()).isEqualTo(hash);
    }

    @Test
    void termsOfASignedPledgeCannotBeEdited() throws Exception {
        fixtures.signBoth(s, id);
        mvc.perform(put("/api/v1/pledges/" + id).header("Authorization", Logins.token(mvc, s.supervisor()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"penalties\":\"从轻\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void unsignedDraftCannotBeAmended() throws Exception {
        amendment("{\"reason\":\"调整\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("尚未签署")));
        signSignatory();
        amendment("{\"reason\":\"调整\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("正在签署中")));
        assertThat(pledge().versions()).hasSize(1);
    }

    @Test
    void amendmentNeedsAReason() throws Exception {
        fixtures.signBoth(s, id);
        amendment("{}").andExpect(status().isUnprocessableContent());
        amendment("{\"reason\":\"   \"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写变更原因"));
        assertThat(pledge().versions()).hasSize(1);
        amendment("{\"reason\":\"上级调整目标\",\"penalties\":\"未完成的，取消年度评优资格\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.content.amendmentReason").value("上级调整目标"))
                .andExpect(jsonPath("$.content.penalties").value("未完成的，取消年度评优资格"))
                .andExpect(jsonPath("$.versions[0].status").value("SIGNED"));
    }

    // --- versions stay readable ------------------------------------------------------------------------------

    @Test
    void earlierVersionsStayReadableWithWhatTheyPledged() throws Exception {
        fixtures.signBoth(s, id);
        fixtures.retarget(sewage, "20");
        fixtures.amend(s, id, "目标由12个提高到20个");

        PledgeDocument v1 = pledges.document(id, 1, DataScope.everything());
        PledgeDocument v2 = pledges.document(id, 2, DataScope.everything());
        assertThat(v1.content().tasks().get(0).indicators().get(0).target()).isEqualByComparingTo("12");
        assertThat(v1.status()).isEqualTo(PledgeStatus.SIGNED);
        assertThat(v1.signatures()).hasSize(2);
        assertThat(v2.content().tasks().get(0).indicators().get(0).target()).isEqualByComparingTo("20");
        assertThat(v2.content().amendmentReason()).isEqualTo("目标由12个提高到20个");
        assertThat(v2.signatures()).isEmpty();
        assertThat(pledges.document(id, null, DataScope.everything()).version()).isEqualTo(2);

        String sup = Logins.token(mvc, s.supervisor());
        byte[] pdf = mvc.perform(get("/api/v1/pledges/" + id + "/pdf?version=1").header("Authorization", sup))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PledgePdfTests.text(pdf)).contains("第1版").contains("达到12个");
        mvc.perform(get("/api/v1/pledges/" + id + "/pdf?version=3").header("Authorization", sup))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/pledges/" + id + "/pdf?version=1").header("Authorization", Logins.token(mvc, s.headB())))
                .andExpect(status().isNotFound());
    }

    @Test
    void theBindingVersionMovesToTheAmendmentOnlyOnceItIsSigned() {
        assertThat(pledges.bindingOf(sewage.id())).isEmpty();
        fixtures.signBoth(s, id);
        assertThat(pledges.bindingOf(sewage.id())).get().satisfies(b -> {
            assertThat(b.pledgeId()).isEqualTo(id);
            assertThat(b.version()).isEqualTo(1);
            assertThat(b.pledged().indicators().get(0).target()).isEqualByComparingTo("12");
        });

        fixtures.retarget(sewage, "20");
        fixtures.amend(s, id, "目标调整");
        assertThat(pledges.bindingOf(sewage.id())).get().extracting(PledgeService.Binding::version).isEqualTo(1);

        // Signed in the same instant as version 1 (the clock does not move): the newer version must still win.
        fixtures.signBoth(s, id);
        assertThat(pledges.bindingOf(sewage.id())).get().satisfies(b -> {
            assertThat(b.version()).isEqualTo(2);
            assertThat(b.pledged().indicators().get(0).target()).isEqualByComparingTo("20");
        });
    }

    @Test
    void bindingNamesOnlyTheTaskAskedFor() {
        TaskView second = fixtures.task(s, "黑臭水体整治" + s.tag(), s.c().townshipB(), "3");
        long pledgeB = fixtures.generate(s, s.c().townshipB());
        fixtures.signBoth(s, id);
        assertThat(pledges.bindingOf(second.id())).isEmpty();
        assertThat(pledges.bindingOf(sewage.id())).get().extracting(PledgeService.Binding::pledgeId).isEqualTo(id);
        assertThat(pledgeB).isNotEqualTo(id);
    }

    // --- register and generation -----------------------------------------------------------------------------

    @Test
    void registerListsOnlyThePledgesInTheCallersScope() throws Exception {
        fixtures.task(s, "黑臭水体整治" + s.tag(), s.c().townshipB(), "3");
        long pledgeB = fixtures.generate(s, s.c().townshipB());
        String path = "/api/v1/campaigns/" + s.campaignId() + "/pledges";

        JsonNode all = body(mvc.perform(get(path).header("Authorization", Logins.token(mvc, s.supervisor())))
                .andExpect(status().isOk()));
        assertThat(all.findValues("unitId").stream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrder(s.c().townshipA().id(), s.c().townshipB().id());

        JsonNode mine = body(mvc.perform(get(path).header("Authorization", Logins.token(mvc, s.headA())))
                .andExpect(status().isOk()));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("id").asLong()).isEqualTo(id);

        JsonNode theirs = body(mvc.perform(get(path).header("Authorization", Logins.token(mvc, s.headB())))
                .andExpect(status().isOk()));
        assertThat(theirs).hasSize(1);
        assertThat(theirs.get(0).get("id").asLong()).isEqualTo(pledgeB);

        mvc.perform(get(path).header("Authorization", Logins.token(mvc, orgs.county().leaderUser())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/pledges/" + pledgeB).header("Authorization", Logins.token(mvc, s.headA())))
                .andExpect(status().isNotFound());
    }

    @Test
    void generatingForAUnitWithoutTasksIsRefused() throws Exception {
        generate(s.c().townshipB().id()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"))
                .andExpect(jsonPath("$.detail", containsString("没有牵头任务")));
        assertThat(pledges.register(s.campaignId(), DataScope.everything())).hasSize(1);
    }

    @Test
    void generatingTwiceForTheSameUnitIsAConflict() throws Exception {
        generate(s.c().townshipA().id()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已有军令状")));
        assertThat(pledges.register(s.campaignId(), DataScope.everything())).hasSize(1);
    }

    @Test
    void generatingForAUnitOfAnotherCountyIsNotFound() throws Exception {
        County other = orgs.county();
        generate(other.townshipA().id()).andExpect(status().isNotFound());
    }

    @Test
    void generatedDraftCarriesTheUnitsTasksTargetsAndDefaultTerms() throws Exception {
        fixtures.task(s, "黑臭水体整治" + s.tag(), s.c().townshipB(), "3");
        PledgeView draft = pledge();
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.status()).isEqualTo(PledgeStatus.DRAFT);
        assertThat(draft.contentHash()).isNull();
        assertThat(draft.content().unitName()).isEqualTo(s.c().townshipA().name());
        assertThat(draft.content().issuerName()).contains(s.c().county().name());
        assertThat(draft.content().tasks()).singleElement().satisfies(t -> {
            assertThat(t.taskId()).isEqualTo(sewage.id());
            assertThat(t.dueDate()).isEqualTo(sewage.dueDate());
            assertThat(t.indicators().get(0).target()).isEqualByComparingTo(new BigDecimal("12"));
            assertThat(t.milestones()).extracting(PledgeContent.PledgedMilestone::title).containsExactly("完成方案编制");
        });
    }

    // --- audit -----------------------------------------------------------------------------------------------

    @Test
    void everyWriteLeavesAnAuditLine() throws Exception {
        County c = s.c();
        String sup = Logins.token(mvc, s.supervisor());
        fixtures.task(s, "黑臭水体整治" + s.tag(), c.townshipB(), "3");
        long created = body(generate(c.townshipB().id()).andExpect(status().isCreated())).get("id").asLong();
        String headB = Logins.token(mvc, s.headB());
        String leader = Logins.token(mvc, s.leader());
        mvc.perform(signRequest(created, headB, OrgFixtures.PASSWORD, 1)).andExpect(status().isOk());
        mvc.perform(signRequest(created, leader, OrgFixtures.PASSWORD, 1)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/pledges/" + created + "/amendments").header("Authorization", sup)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"上级调整目标\"}")).andExpect(status().isCreated());
        // Refused writes leave nothing.
        mvc.perform(signRequest(created, leader, OrgFixtures.PASSWORD, 2)).andExpect(status().isConflict());

        record Line(String actor, String action, String before, String after) {}
        List<Line> lines = jdbc.sql("""
                SELECT actor, action, before_state, after_state FROM audit_event
                WHERE entity_type = 'pledge' AND entity_id = :id ORDER BY id""")
                .param("id", String.valueOf(created))
                .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        assertThat(lines).extracting(Line::action)
                .containsExactly("pledge.create", "pledge.sign", "pledge.sign", "pledge.amend");
        assertThat(lines).extracting(Line::actor).containsExactly(s.supervisor(), s.headB(), s.leader(), s.supervisor());
        assertThat(lines.get(1).after()).contains("SIGNATORY").contains("\"version\":1");
        assertThat(lines.get(2).after()).contains("ISSUER");
        assertThat(lines.get(3).after()).contains("上级调整目标").contains("\"version\":2");
    }

    // ---------------------------------------------------------------------------------------------------------

    private void signSignatory() throws Exception {
        sign(s.headA(), OrgFixtures.PASSWORD).andExpect(status().isOk());
    }

    private ResultActions sign(String username, String password) throws Exception {
        return mvc.perform(signRequest(Logins.token(mvc, username), password, null));
    }

    private RequestBuilder signRequest(String token, String password, Integer version) {
        return signRequest(id, token, password, version);
    }

    private RequestBuilder signRequest(long pledgeId, String token, String password, Integer version) {
        return post("/api/v1/pledges/" + pledgeId + "/sign").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"" + password + "\"" + (version == null ? "" : ",\"version\":" + version) + "}");
    }

    private ResultActions amendment(String body) throws Exception {
        return mvc.perform(post("/api/v1/pledges/" + id + "/amendments")
                .header("Authorization", Logins.token(mvc, s.supervisor()))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions generate(long unitId) throws Exception {
        return mvc.perform(post("/api/v1/campaigns/" + s.campaignId() + "/pledges")
                .header("Authorization", Logins.token(mvc, s.supervisor()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":" + unitId + "}"));
    }

    private PledgeView pledge() {
        return pledges.pledge(id, DataScope.everything());
    }

    private void assertStillUnsigned() {
        PledgeView p = pledge();
        assertThat(p.status()).isEqualTo(PledgeStatus.DRAFT);
        assertThat(p.signatures()).isEmpty();
        assertThat(p.contentHash()).isNull();
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
