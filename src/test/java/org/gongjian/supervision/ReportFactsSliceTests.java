package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.report.ReportBackfill;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A city campaign's reporting facts in one call: more ids than PostgreSQL binds in one statement (65,535) must not
 * fail, and a task's facts read among 70,000 ids are the facts read for it alone. (On H2 the limit does not exist;
 * run with {@code GONGJIAN_TEST_DB=postgres} to see the failure this guards against.)
 */
class ReportFactsSliceTests extends IntegrationTest {

    @Autowired ReportFacts facts;
    @Autowired JdbcClient jdbc;
    @Autowired OrgFixtures fixtures;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;
    @Autowired ReportBackfill backfill;
    @Autowired org.gongjian.report.ReportingRecords records;

    @Test
    void seventyThousandIdsInOneCallReadTheSameFactsAsOneId() {
        LocalDate asOf = LocalDate.of(2026, 6, 15);
        County c = fixtures.county();
        CampaignView campaign = campaigns.create(new CampaignCommand("攻坚年" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), DataScope.everything());
        TaskView reported = tasks.create(campaign.id(), new TaskCommand("按月报送" + c.tag(), null, "民生改善",
                c.townshipA().id(), null, null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(),
                List.of()), DataScope.everything());
        java.time.Instant handedIn = LocalDate.of(2026, 5, 28).atTime(10, 0)
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        backfill.approved(new ReportBackfill.Historical(reported.id(), "2026-05", List.of(), "按计划推进", "", "",
                c.liaisonAUser(), handedIn, "office", handedIn.plusSeconds(3600)));
        List<Long> real = jdbc.sql("SELECT id FROM task ORDER BY id DESC LIMIT 20").query(Long.class).list();
        long beyond = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM task").query(Long.class).single() + 1;
        List<Long> ids = new ArrayList<>(real);
        for (long id = beyond; ids.size() < 70_000; id++) {
            ids.add(id);
        }
        assertThat(ids.size()).isGreaterThan(65_535).isGreaterThan(ReportingRecordFacts.SLICE * 6);

        Map<Long, ReportingFacts> many = facts.forTasks(ids, asOf);

        assertThat(real).contains(reported.id());
        assertThat(many.keySet()).containsExactlyInAnyOrderElementsOf(real);
        assertThat(many.get(reported.id()).lastPeriods()).extracting(ReportingFacts.PeriodFact::status)
                .containsExactly(ReportingFacts.Status.ON_TIME, ReportingFacts.Status.MISSING);
        for (long id : real) {
            assertThat(many.get(id)).isEqualTo(facts.forTasks(List.of(id), asOf).get(id));
        }
        // the report module's own read, as the daily deadline reminders call it with a whole campaign's open tasks
        var direct = records.forTasks(ids, asOf, 1);
        assertThat(direct.keySet()).containsExactlyInAnyOrderElementsOf(real);
        assertThat(direct.get(reported.id())).isEqualTo(records.forTasks(List.of(reported.id()), asOf, 1).get(reported.id()));
    }

    /**
     * A whole-campaign evaluation reads the facts by campaign: they must be the facts read by the campaign's task ids —
     * on time, late, missing, a task started later, a decomposed parent (reported through its subtasks), the latest
     * report approved or not — and nothing of another campaign.
     */
    @Test
    void aCampaignReadsTheSameFactsAsItsTaskIds() {
        LocalDate asOf = LocalDate.of(2026, 6, 15);
        County c = fixtures.county();
        CampaignView campaign = monthly("整体读取" + c.tag(), c);
        CampaignView other = monthly("另一行动" + c.tag(), c);
        TaskView onTime = task(campaign, "按时" + c.tag(), c, LocalDate.of(2026, 1, 1));
        TaskView late = task(campaign, "迟报" + c.tag(), c, LocalDate.of(2026, 1, 1));
        task(campaign, "未报" + c.tag(), c, LocalDate.of(2026, 1, 1));
        task(campaign, "五月开始" + c.tag(), c, LocalDate.of(2026, 5, 1));
        TaskView parent = task(campaign, "分解" + c.tag(), c, LocalDate.of(2026, 1, 1));
        tasks.decompose(parent.id(), List.of(new org.gongjian.campaign.SubtaskCommand("甲镇份额" + c.tag(),
                c.townshipA().id(), null, null, null, null)), DataScope.everything());
        TaskView elsewhere = task(other, "别处" + c.tag(), c, LocalDate.of(2026, 1, 1));
        approved(onTime, "2026-05", LocalDate.of(2026, 6, 5), c.liaisonAUser());
        approved(onTime, "2026-04", LocalDate.of(2026, 5, 5), c.liaisonAUser());
        approved(late, "2026-05", LocalDate.of(2026, 6, 14), c.liaisonAUser());
        approved(elsewhere, "2026-05", LocalDate.of(2026, 6, 5), c.liaisonAUser());
        List<Long> ids = tasks.taskIdsOf(campaign.id());

        Map<Long, ReportingFacts> byCampaign = facts.forCampaign(campaign, ids, asOf);

        assertThat(byCampaign).isEqualTo(facts.forTasks(ids, asOf)).doesNotContainKey(elsewhere.id());
        assertThat(byCampaign.get(late.id()).lastPeriods()).extracting(ReportingFacts.PeriodFact::status)
                .containsExactly(ReportingFacts.Status.LATE, ReportingFacts.Status.MISSING);
        assertThat(byCampaign.get(parent.id())).isEqualTo(new ReportingFacts(List.of(), true));
    }

    private CampaignView monthly(String name, County c) {
        return campaigns.create(new CampaignCommand(name, 2026, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null, null), DataScope.everything());
    }

    private TaskView task(CampaignView campaign, String title, County c, LocalDate start) {
        return tasks.create(campaign.id(), new TaskCommand(title, null, "民生改善", c.townshipA().id(), null, null, null,
                start, LocalDate.of(2026, 12, 31), List.of(), List.of()), DataScope.everything());
    }

    private void approved(TaskView task, String period, LocalDate handedInOn, String liaison) {
        java.time.Instant at = handedInOn.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        backfill.approved(new ReportBackfill.Historical(task.id(), period, List.of(), "按计划推进", "", "",
                liaison, at, "office", at.plusSeconds(3600)));
    }
}
