package org.gongjian.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.Direction;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.pledge.PledgeFixtures.Scene;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 兑现: judged from the latest signed version once the campaign (ending 2026-12-31, Asia/Shanghai) is over — every
 * pledged target met, some, or none — with a reason naming each task.
 */
class FulfilmentTests extends IntegrationTest {

    /** 2027-01-01 09:00 in Shanghai: the day after the campaign ends. */
    static final Instant AFTER_END = Instant.parse("2027-01-01T01:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired PledgeFixtures fixtures;
    @Autowired PledgeService pledges;
    @Autowired TaskService tasks;

    Scene s;
    TaskView sewage;
    TaskView toilets;
    long id;

    /** Township A pledges two tasks: 污水治理 0 → 12 个 and 改厕 0 → 300 个. */
    @BeforeEach
    void signedPledgeOfTwoTasks() {
        s = fixtures.scene();
        sewage = fixtures.task(s, "农村生活污水治理" + s.tag(), s.c().townshipA(), "12");
        toilets = fixtures.task(s, "农村户厕改造" + s.tag(), s.c().townshipA(), "300");
        id = fixtures.generate(s, s.c().townshipA());
        fixtures.signBoth(s, id);
    }

    @Test
    void pendingBeforeTheCampaignEnds() {
        fixtures.actual(sewage, "12");
        fixtures.actual(toilets, "300");
        assertThat(judged().fulfilment()).isEqualTo(Fulfilment.PENDING);
        assertThat(judged().fulfilmentReasons()).singleElement().asString().contains("2026-12-31");
    }

    @Test
    void stillPendingOnTheLastDayOfTheCampaign() {
        fixtures.actual(sewage, "12");
        fixtures.actual(toilets, "300");
        clock.set(Instant.parse("2026-12-31T15:59:00Z")); // 23:59 in Shanghai
        assertThat(judged().fulfilment()).isEqualTo(Fulfilment.PENDING);
        clock.set(Instant.parse("2026-12-31T16:00:00Z")); // midnight in Shanghai
        assertThat(judged().fulfilment()).isEqualTo(Fulfilment.FULFILLED);
    }

    @Test
    void fulfilledWhenEveryPledgedTargetIsMet() throws Exception {
        fixtures.actual(sewage, "12");
        fixtures.actual(toilets, "320");
        clock.set(AFTER_END);
        PledgeView p = judged();
        assertThat(p.fulfilment()).isEqualTo(Fulfilment.FULFILLED);
        assertThat(p.fulfilmentReasons()).containsExactlyInAnyOrder("已完成：" + sewage.title(), "已完成：" + toilets.title());

        mvc.perform(get("/api/v1/pledges/" + id).header("Authorization", Logins.token(mvc, s.supervisor())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fulfilment").value("FULFILLED"));
    }

    @Test
    void partialWhenSomePledgedTargetsAreMet() {
        fixtures.actual(sewage, "12");
        fixtures.actual(toilets, "299");
        clock.set(AFTER_END);
        PledgeView p = judged();
        assertThat(p.fulfilment()).isEqualTo(Fulfilment.PARTIAL);
        assertThat(p.fulfilmentReasons()).containsExactlyInAnyOrder("已完成：" + sewage.title(), "未完成：" + toilets.title());
    }

    @Test
    void unfulfilledWhenNoPledgedTargetIsMet() {
        fixtures.actual(sewage, "11");
        // No actual recorded for 改厕 at all: nothing shows the target was met.
        clock.set(AFTER_END);
        PledgeView p = judged();
        assertThat(p.fulfilment()).isEqualTo(Fulfilment.UNFULFILLED);
        assertThat(p.fulfilmentReasons()).containsExactlyInAnyOrder("未完成：" + sewage.title(), "未完成：" + toilets.title());
    }

    @Test
    void judgedAgainstThePledgedTargetNotTheTaskListsCurrentOne() {
        fixtures.actual(sewage, "12");
        fixtures.actual(toilets, "300");
        fixtures.retarget(sewage, "20"); // raised after signing, without an amendment
        clock.set(AFTER_END);
        assertThat(judged().fulfilment()).isEqualTo(Fulfilment.FULFILLED);
    }

    @Test
    void judgedAgainstTheLatestSignedVersion() {
        fixtures.actual(sewage, "12");
        fixtures.actual(toilets, "300");
        fixtures.retarget(sewage, "20");
        fixtures.amend(s, id, "目标提高");
        clock.set(AFTER_END);
        // Version 2 is only a draft: version 1 (target 12) still binds.
        assertThat(judged().fulfilment()).isEqualTo(Fulfilment.FULFILLED);
        clock.reset();
        fixtures.signBoth(s, id);
        clock.set(AFTER_END);
        assertThat(judged().fulfilment()).isEqualTo(Fulfilment.PARTIAL);
        assertThat(judged().fulfilmentReasons()).contains("未完成：" + sewage.title());
    }

    @Test
    void lowerIsBetterTargetsAreMetFromBelow() {
        TaskView cases = fixtures.task(s, "信访积案化解" + s.tag(), s.c().townshipB(), "10", Direction.LOWER_IS_BETTER);
        long pledgeB = fixtures.generate(s, s.c().townshipB());
        PledgeView signed = signAsTownshipB(pledgeB);
        assertThat(signed.status()).isEqualTo(PledgeStatus.SIGNED);
        clock.set(AFTER_END);
        fixtures.actual(cases, "11");
        assertThat(pledges.pledge(pledgeB, DataScope.everything()).fulfilment()).isEqualTo(Fulfilment.UNFULFILLED);
        fixtures.actual(cases, "10");
        assertThat(pledges.pledge(pledgeB, DataScope.everything()).fulfilment()).isEqualTo(Fulfilment.FULFILLED);
    }

    @Test
    void taskWithoutIndicatorsIsMetWhenAllItsMilestonesAreDone() {
        TaskView plan = tasks.create(s.campaignId(), new TaskCommand("编制国土空间规划" + s.tag(), null, "改革创新",
                s.c().townshipB().id(), null, null, null, PledgeFixtures.START, LocalDate.of(2026, 11, 30), List.of(),
                List.of(new TaskCommand.MilestoneInput(null, "完成初稿", LocalDate.of(2026, 5, 31), null),
                        new TaskCommand.MilestoneInput(null, "通过审批", LocalDate.of(2026, 10, 31), null))),
                DataScope.everything());
        long pledgeB = fixtures.generate(s, s.c().townshipB());
        signAsTownshipB(pledgeB);
        tasks.completeMilestone(plan.id(), plan.milestones().get(0).id(), LocalDate.of(2026, 5, 20));
        clock.set(AFTER_END);
        assertThat(pledges.pledge(pledgeB, DataScope.everything()).fulfilment()).isEqualTo(Fulfilment.UNFULFILLED);
        tasks.completeMilestone(plan.id(), plan.milestones().get(1).id(), LocalDate.of(2026, 10, 30));
        PledgeView p = pledges.pledge(pledgeB, DataScope.everything());
        assertThat(p.fulfilment()).isEqualTo(Fulfilment.FULFILLED);
        assertThat(p.fulfilmentReasons()).containsExactly("已完成：" + plan.title());
    }

    @Test
    void unsignedPledgeIsNeverJudged() {
        fixtures.task(s, "黑臭水体整治" + s.tag(), s.c().townshipB(), "3");
        long draft = fixtures.generate(s, s.c().townshipB());
        clock.set(AFTER_END);
        PledgeView p = pledges.pledge(draft, DataScope.everything());
        assertThat(p.fulfilment()).isEqualTo(Fulfilment.PENDING);
        assertThat(p.fulfilmentReasons()).containsExactly("尚无签署生效的版本");
    }

    private PledgeView signAsTownshipB(long pledgeId) {
        var headB = fixtures.signer("hb2" + s.tag(), s.c().cadreB().id(), s.c().townshipB(), org.gongjian.identity.Role.UNIT_HEAD);
        pledges.sign(pledgeId, org.gongjian.support.OrgFixtures.PASSWORD, null, headB, null, DataScope.everything());
        return pledges.sign(pledgeId, org.gongjian.support.OrgFixtures.PASSWORD, null, s.leaderUser(), null,
                DataScope.everything());
    }

    private PledgeView judged() {
        return pledges.pledge(id, DataScope.everything());
    }
}
