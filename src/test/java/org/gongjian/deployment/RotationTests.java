package org.gongjian.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.identity.UserService;
import org.gongjian.org.OrgService;
import org.gongjian.org.PersonCommand;
import org.gongjian.org.PersonView;
import org.gongjian.pledge.PledgeRoles;
import org.gongjian.pledge.PledgeService;
import org.gongjian.pledge.PledgeView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 交流轮岗 of a township deputy (李四, 副镇长 of 乙镇) who leads 20 open tasks and one done, has 3 督办 notices addressed
 * to him and signed his township's pledge as 立状人: all of it passes to the successor in one transaction, or nothing
 * does; the handover list is signed by the two parties only and verifies.
 */
class RotationTests extends IntegrationTest {

    static final Instant JUNE_1 = Instant.parse("2026-06-01T02:00:00Z");
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);

    @Autowired OrgFixtures fixtures;
    @Autowired OrgService org;
    @Autowired UserService users;
    @Autowired PasswordEncoder encoder;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;
    @Autowired PledgeService pledges;
    @Autowired PledgeRoles pledgeRoles;
    @Autowired RotationService rotations;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    OrgFixtures.County c;
    PersonView outgoing;
    PersonView issuerPerson;
    PersonView successor;
    String outgoingUser;
    String issuerUser;
    String successorUser;
    String office;
    long doneTask;

    @BeforeEach
    void setUp() throws Exception {
        clock.set(JUNE_1);
        c = fixtures.county();
        DataScope all = DataScope.everything();
        outgoing = c.cadreB();
        issuerPerson = org.createPerson(new PersonCommand("县长" + c.tag(), "男", c.county().id(), "县长", false,
                LocalDate.of(2022, 1, 1)), all);
        successor = org.createPerson(new PersonCommand("王五" + c.tag(), "男", c.department().id(), "副局长", true,
                LocalDate.of(2021, 1, 1)), all);
        outgoingUser = user("out", outgoing, c.townshipB().id(), Role.UNIT_HEAD);
        issuerUser = user("iss", issuerPerson, c.county().id(), Role.LEADER);
        successorUser = user("suc", successor, c.department().id(), Role.CADRE);
        CampaignView campaign = campaigns.create(new CampaignCommand("攻坚年" + c.tag(), 2026, START, END, c.county().id(),
                null, ReportingFrequency.MONTHLY, null, null, null, null, null), all);
        for (int i = 1; i <= 21; i++) {
            TaskView t = tasks.create(campaign.id(), new TaskCommand("乙镇任务" + i + c.tag(), null, "生态环保",
                    c.townshipB().id(), outgoing.id(), List.of(), null, START, END, List.of(), List.of()), all);
            if (i == 21) {
                tasks.applyLight(t.id(), null, Light.DONE, List.of("已完成"));
                doneTask = t.id();
            }
        }
        String supervisor = fixtures.user("sup" + c.tag(), c.county(), Role.SUPERVISOR);
        String sup = Logins.token(mvc, supervisor);
        List<Long> first = jdbc.sql("SELECT id FROM task WHERE lead_leader_id = :p ORDER BY id LIMIT 3")
                .param("p", outgoing.id()).query(Long.class).list();
        for (long task : first) {
            call(post("/api/v1/supervision/notices").header("Authorization", sup).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"taskId":%d,"level":"SUPERVISE","requirement":"进度滞后，限期整改","responseDue":"2026-06-10"}"""
                            .formatted(task)), 201);
        }
        PledgeView pledge = pledges.generate(campaign.id(), c.townshipB().id(), "office", all);
        pledges.sign(pledge.id(), OrgFixtures.PASSWORD, null, users.asCurrentUser(outgoingUser).orElseThrow(), null, all);
        pledges.sign(pledge.id(), OrgFixtures.PASSWORD, null, users.asCurrentUser(issuerUser).orElseThrow(), null, all);
        office = Logins.token(mvc, c.orgDeptUser());
    }

    String user(String prefix, PersonView person, long scopeUnit, Role role) {
        String name = prefix + c.tag();
        users.createPrehashed(name, encoder.encode(OrgFixtures.PASSWORD), person.id(), scopeUnit, EnumSet.of(role));
        return name;
    }

    JsonNode call(RequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }

    long approvedRotation(PersonView to) throws Exception {
        long id = call(post("/api/v1/rotations").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"personId":%d,"successorPersonId":%d,"toUnitId":%d,"toTitle":"副局长","effectiveDate":"2026-06-01",
                         "reason":"部门副职交流轮岗"}""".formatted(outgoing.id(), to.id(), c.department().id())), 201)
                .get("id").asLong();
        call(post("/api/v1/rotations/" + id + "/approve").header("Authorization", Logins.token(mvc, c.leaderUser())), 200);
        return id;
    }

    long ledBy(PersonView p) {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE lead_leader_id = :p").param("p", p.id()).query(Long.class).single();
    }

    long noticesOf(PersonView p) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_notice WHERE leader_person_id = :p").param("p", p.id())
                .query(Long.class).single();
    }

    /** 三下沉's button row linked 交流轮岗 for a unit head too, whom /rotations refuses (403): a dead end. */
    @Test
    void theDeploymentPageLinksRotationsOnlyForThoseWhoMayOpenThem() throws Exception {
        org.springframework.mock.web.MockHttpSession head = Logins.session(mvc, outgoingUser);
        assertThat(page("/deployments", head)).contains("三下沉").doesNotContain("href=\"/rotations\"");
        mvc.perform(get("/rotations").session(head)).andExpect(status().isForbidden());

        org.springframework.mock.web.MockHttpSession orgDept = Logins.session(mvc, c.orgDeptUser());
        assertThat(page("/deployments", orgDept)).contains("href=\"/rotations\"");
        mvc.perform(get("/rotations").session(orgDept)).andExpect(status().isOk());
    }

    private String page(String path, org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aFailureAtTheThirdStepLeavesEverythingAsItWas() throws Exception {
        // the successor is the pledge's issuer: the pledge module refuses (one person cannot be both parties)
        long id = approvedRotation(issuerPerson);
        JsonNode refused = call(post("/api/v1/rotations/" + id + "/execute").header("Authorization", office), 409);
        assertThat(refused.get("detail").asString()).contains("立状人与发令方不能是同一人");
        assertThat(ledBy(outgoing)).isEqualTo(21);
        assertThat(ledBy(issuerPerson)).isZero();
        assertThat(noticesOf(outgoing)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge_role_holder WHERE person_id IN (:a, :b)")
                .param("a", outgoing.id()).param("b", issuerPerson.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task_change WHERE field = '包保领导' AND task_id IN "
                + "(SELECT id FROM task WHERE lead_leader_id = :p)").param("p", outgoing.id()).query(Long.class).single()).isZero();
        assertThat(org.personUnscoped(outgoing.id()).orElseThrow().unitId()).isEqualTo(c.townshipB().id());
        assertThat(rotations.rotation(id, DataScope.everything()).status()).isEqualTo(RotationStatus.APPROVED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM handover WHERE rotation_id = :r").param("r", id).query(Long.class).single()).isZero();
    }

    @Test
    void twentyTasksThreeNoticesAndAPledgeRolePassTogetherAndBothPartiesSignTheList() throws Exception {
        JsonNode candidates = call(get("/api/v1/rotations/candidates?all=true&unitId=" + c.townshipB().id())
                .header("Authorization", office), 200);
        assertThat(candidates.toString()).contains(outgoing.name()).contains("军令状责任期未满");

        long id = approvedRotation(successor);
        JsonNode done = call(post("/api/v1/rotations/" + id + "/execute").header("Authorization", office), 200);
        assertThat(done.get("status").asString()).isEqualTo("EFFECTIVE");
        assertThat(ledBy(successor)).isEqualTo(20);
        assertThat(ledBy(outgoing)).isEqualTo(1); // the done task keeps who delivered it
        assertThat(jdbc.sql("SELECT lead_leader_id FROM task WHERE id = :t").param("t", doneTask).query(Long.class).single())
                .isEqualTo(outgoing.id());
        assertThat(noticesOf(successor)).isEqualTo(3);
        assertThat(pledgeRoles.heldBy(outgoing.id())).isEmpty();
        assertThat(pledgeRoles.heldBy(successor.id())).singleElement()
                .satisfies(h -> assertThat(h.roleLabel()).isEqualTo("立状人"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task_change WHERE field = '包保领导' AND before_value = :n")
                .param("n", outgoing.name()).query(Long.class).single()).isEqualTo(20);
        assertThat(org.personUnscoped(outgoing.id()).orElseThrow().unitId()).isEqualTo(c.department().id());
        assertThat(org.personUnscoped(successor.id()).orElseThrow().unitId()).isEqualTo(c.townshipB().id());
        assertThat(org.positions(outgoing.id()).get(1).endedOn()).isEqualTo(LocalDate.of(2026, 5, 31));
        JsonNode list = done.at("/handover/content");
        assertThat(list.get("tasks").size()).isEqualTo(20);
        assertThat(list.get("notices").size()).isEqualTo(3);
        assertThat(list.get("pledges").size()).isEqualTo(1);

        String url = "/api/v1/rotations/" + id + "/handover/sign";
        call(post(url).header("Authorization", Logins.token(mvc, issuerUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"" + OrgFixtures.PASSWORD + "\"}"), 403);
        call(post(url).header("Authorization", Logins.token(mvc, outgoingUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"wrong-password\"}"), 422);
        call(post(url).header("Authorization", Logins.token(mvc, outgoingUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"" + OrgFixtures.PASSWORD + "\"}"), 200);
        JsonNode sealed = call(post(url).header("Authorization", Logins.token(mvc, successorUser))
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + OrgFixtures.PASSWORD + "\"}"), 200);
        assertThat(sealed.at("/handover/signatures").size()).isEqualTo(2);
        assertThat(sealed.at("/handover/sealHash").asString()).hasSize(64);
        call(post(url).header("Authorization", Logins.token(mvc, successorUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"" + OrgFixtures.PASSWORD + "\"}"), 409);
        JsonNode verify = call(get("/api/v1/rotations/" + id + "/handover/verify").header("Authorization", office), 200);
        assertThat(verify.get("valid").asBoolean()).isTrue();

        jdbc.sql("UPDATE handover SET content_json = REPLACE(content_json, '部门副职', '部门正职') WHERE rotation_id = :r")
                .param("r", id).update();
        JsonNode broken = call(get("/api/v1/rotations/" + id + "/handover/verify").header("Authorization", office), 200);
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("problems").toString()).contains("哈希不符");
    }
}
