package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Direction;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.SubtaskCommand;
import org.gongjian.campaign.TaskCommand;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.BeforeEach;
import org.gongjian.report.ReportBackfill;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Evaluation through the database: roll-up, reasons on the task, history written only on change, maintained counts. */
class LightEvaluationTests extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final DataScope ALL = DataScope.everything();

    @Autowired OrgFixtures fixtures;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;
    @Autowired LightEvaluation lights;
    @Autowired JdbcClient jdbc;
    @Autowired ReportBackfill backfill;

    County c;
    CampaignView campaign;
    TaskView parent;
    TaskView shareA;
    TaskView shareB;

    @BeforeEach
    void countyWithASplitTask() {
        c = fixtures.county();
        campaign = campaigns.create(new CampaignCommand("攻坚年" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), ALL);
        parent = tasks.create(campaign.id(), new TaskCommand("新增城镇就业" + c.tag(), null, "民生改善", c.county().id(),
                null, null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                List.of(new TaskCommand.IndicatorInput(null, "新增城镇就业人数", "人", BigDecimal.ZERO,
                        new BigDecimal("1000"), Direction.HIGHER_IS_BETTER, List.of(new TaskCommand.PointInput(
                        LocalDate.of(2026, 12, 1), BigDecimal.ZERO)))), List.of()), ALL);
        var split = tasks.decompose(parent.id(), List.of(
                new SubtaskCommand("甲镇" + c.tag(), c.townshipA().id(), null, new BigDecimal("600"), null, null),
                new SubtaskCommand("乙镇" + c.tag(), c.townshipB().id(), null, new BigDecimal("400"), null, null)), ALL);
        shareA = split.subtasks().get(0);
        shareB = split.subtasks().get(1);
        // flat plans until December, so only what a test adds lights a task
        rewrite(shareA, List.of());
        rewrite(shareB, List.of());
        // both shares reported April and May on time, so the reporting rules stay quiet
        for (TaskView share : List.of(shareA, shareB)) {
            for (String period : List.of("2026-04", "2026-05")) {
                java.time.Instant handedIn = LocalDate.parse(period + "-28").atTime(10, 0)
                        .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
                backfill.approved(new ReportBackfill.Historical(share.id(), period, List.of(), "按计划推进", "", "",
                        c.liaisonAUser(), handedIn, "office", handedIn.plusSeconds(3600)));
            }
        }
    }

    /** Gives share A a milestone due on a date, through the campaign API. */
    void overdueMilestoneOnShareA(LocalDate due) {
        rewrite(shareA, List.of(new TaskCommand.MilestoneInput(null, "完成项目签约", due, null)));
    }

    void rewrite(TaskView share, List<TaskCommand.MilestoneInput> milestones) {
        TaskView a = tasks.task(share.id(), ALL);
        tasks.update(a.id(), a.version(), new TaskCommand(a.title(), null, a.category(), a.leadUnitId(), null, null,
                null, a.startDate(), a.dueDate(), a.indicators().stream().map(i -> new TaskCommand.IndicatorInput(i.id(),
                        i.name(), i.unit(), i.baseline(), i.target(), i.direction(), List.of(new TaskCommand.PointInput(
                        LocalDate.of(2026, 12, 1), BigDecimal.ZERO)))).toList(),
                milestones), ALL);
    }

    @Test
    void aRedShareTurnsItsParentRedWithTheReasonOnTheTask() {
        overdueMilestoneOnShareA(TODAY.minusDays(12));
        LightEvaluation.Summary summary = lights.evaluateCampaign(campaign.id(), TODAY);

        assertThat(summary.evaluated()).isEqualTo(3);
        assertThat(summary.changed()).isEqualTo(3);
        assertThat(summary.lights()).containsEntry(Light.RED, 2).containsEntry(Light.GREEN, 1);
        TaskView a = tasks.task(shareA.id(), ALL);
        assertThat(a.light()).isEqualTo(Light.RED);
        assertThat(a.lightReasons()).containsExactly("节点“完成项目签约”已逾期12天");
        TaskView p = tasks.task(parent.id(), ALL);
        assertThat(p.light()).isEqualTo(Light.RED);
        assertThat(p.lightReasons()).containsExactly("子任务“甲镇" + c.tag() + "”红灯");
        assertThat(tasks.task(shareB.id(), ALL).lightReasons()).containsExactly(LightRules.ON_TRACK);
    }

    @Test
    void evaluatingTheSameDayTwiceWritesNothingNew() {
        overdueMilestoneOnShareA(TODAY.minusDays(3));
        lights.evaluateCampaign(campaign.id(), TODAY);
        long periods = periods();
        long audits = lightAudits();
        long counts = jdbc.sql("SELECT SUM(task_count) FROM light_count WHERE campaign_id = :c")
                .param("c", campaign.id()).query(Long.class).single();

        LightEvaluation.Summary again = lights.evaluateCampaign(campaign.id(), TODAY);

        assertThat(again.changed()).isZero();
        assertThat(periods()).isEqualTo(periods).isEqualTo(3);
        assertThat(lightAudits()).isEqualTo(audits);
        assertThat(jdbc.sql("SELECT SUM(task_count) FROM light_count WHERE campaign_id = :c")
                .param("c", campaign.id()).query(Long.class).single()).isEqualTo(counts).isEqualTo(3);
    }

    @Test
    void historyRecordsWhenATaskTurnedRedAndForHowLong() {
        overdueMilestoneOnShareA(TODAY.minusDays(1));
        lights.evaluateCampaign(campaign.id(), TODAY.minusDays(5));   // milestone due in 4 days: yellow
        lights.evaluateCampaign(campaign.id(), TODAY);                // overdue: red
        lights.evaluateCampaign(campaign.id(), TODAY.plusDays(1));    // still red: no new period
        TaskView a = tasks.task(shareA.id(), ALL);
        tasks.completeMilestone(a.id(), a.milestones().get(0).id(), TODAY.plusDays(9));
        lights.evaluateTask(a.id(), TODAY.plusDays(10));              // done milestone: green, parent follows

        List<LightEvaluation.LightPeriod> history = lights.history(a.id(), 10);
        assertThat(history).extracting(LightEvaluation.LightPeriod::light)
                .containsExactly(Light.GREEN, Light.RED, Light.YELLOW);
        assertThat(history.get(1).since()).isEqualTo(TODAY);
        assertThat(history.get(1).until()).isEqualTo(TODAY.plusDays(10));
        assertThat(history.get(1).reasons()).containsExactly("节点“完成项目签约”已逾期1天");
        assertThat(history.get(0).until()).isNull();
        assertThat(tasks.task(parent.id(), ALL).light()).isEqualTo(Light.GREEN);
        assertThat(lights.history(parent.id(), 10)).extracting(LightEvaluation.LightPeriod::light)
                .containsExactly(Light.GREEN, Light.RED, Light.YELLOW);
    }

    @Test
    void maintainedCountsEqualAFullRecountAfterRandomChanges() {
        Random random = new Random(20261129L);
        List<TaskView> all = List.of(parent, shareA, shareB);
        Light[] values = Light.values();
        for (int round = 0; round < 60; round++) {
            TaskView task = tasks.task(all.get(random.nextInt(all.size())).id(), ALL);
            if (round == 30) {
                // a share moves to the other township between evaluations: its count must follow
                tasks.update(shareB.id(), task(shareB).version(), new TaskCommand(task(shareB).title(), null, "生态环保",
                        c.villageA().id(), null, null, null, shareB.startDate(), shareB.dueDate(), null, null), ALL);
                task = task(shareB);
            }
            Light light = values[random.nextInt(values.length)];
            lights.apply(task, new LightVerdict(light, List.of("随机" + round)), TODAY.plusDays(round));
        }
        assertThat(maintained()).isEqualTo(recount()).isNotEmpty();
        LightEvaluation.LightCounts counts = lights.counts(campaign.id(), ALL, false);
        assertThat(counts.byUnit().stream().mapToLong(u -> u.tally().total()).sum()).isEqualTo(3);
        assertThat(lights.counts(campaign.id(), ALL, true).byUnit()).singleElement()
                .satisfies(u -> assertThat(u.unitId()).isEqualTo(c.county().id()));
        // a township sees only its own units' counts
        LightEvaluation.LightCounts township = lights.counts(campaign.id(),
                DataScope.of(c.townshipA().id(), c.townshipA().path()), false);
        assertThat(township.byUnit()).extracting(LightEvaluation.UnitCount::unitId)
                .containsExactlyInAnyOrder(c.townshipA().id(), c.villageA().id());
    }

    @Test
    void editingAnEvaluatedTaskReevaluatesItAndItsAncestorsAtOnce() {
        lights.evaluateCampaign(campaign.id(), TODAY);
        assertThat(tasks.task(parent.id(), ALL).light()).isEqualTo(Light.GREEN);
        overdueMilestoneOnShareA(TODAY.minusDays(2)); // the edit itself re-lights share A and its parent
        assertThat(tasks.task(shareA.id(), ALL).light()).isEqualTo(Light.RED);
        assertThat(tasks.task(parent.id(), ALL).light()).isEqualTo(Light.RED);
        LightEvaluation.Summary summary = lights.evaluateTask(shareA.id(), TODAY);
        assertThat(summary.evaluated()).isEqualTo(2);
        assertThat(summary.changed()).isZero();
        assertThat(tasks.task(parent.id(), ALL).light()).isEqualTo(Light.RED);
        assertThat(tasks.task(shareB.id(), ALL).light()).isEqualTo(Light.GREEN);
    }

    @Test
    void reportingFactsComeFromThePort() {
        ReportFacts facts = (ids, asOf) -> {
            Map<Long, ReportingFacts> map = new HashMap<>();
            map.put(shareB.id(), new ReportingFacts(List.of(
                    new ReportingFacts.PeriodFact("2026-05", LocalDate.of(2026, 6, 5), ReportingFacts.Status.MISSING),
                    new ReportingFacts.PeriodFact("2026-04", LocalDate.of(2026, 5, 5), ReportingFacts.Status.MISSING)), false));
            return map;
        };
        lights.evaluateCampaign(campaign.id(), TODAY, facts);
        assertThat(tasks.task(shareB.id(), ALL).lightReasons()).containsExactly("最近两期（2026-04、2026-05）均未报送");
        assertThat(tasks.task(parent.id(), ALL).lightReasons()).containsExactly("子任务“乙镇" + c.tag() + "”红灯");
    }

    TaskView task(TaskView t) {
        return tasks.task(t.id(), ALL);
    }

    long periods() {
        return jdbc.sql("SELECT COUNT(*) FROM task_light_period WHERE campaign_id = :c").param("c", campaign.id())
                .query(Long.class).single();
    }

    long lightAudits() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'task.light' AND entity_id IN (:ids)")
                .param("ids", List.of(String.valueOf(parent.id()), String.valueOf(shareA.id()), String.valueOf(shareB.id())))
                .query(Long.class).single();
    }

    Map<String, Long> maintained() {
        Map<String, Long> map = new HashMap<>();
        jdbc.sql("SELECT * FROM light_count WHERE campaign_id = :c AND task_count <> 0").param("c", campaign.id())
                .query(rs -> {
                    map.put(rs.getLong("unit_id") + "|" + rs.getString("category") + "|" + rs.getBoolean("top_level")
                            + "|" + rs.getString("light"), rs.getLong("task_count"));
                });
        return map;
    }

    /** The full recount, from the tasks themselves. */
    Map<String, Long> recount() {
        Map<String, Long> map = new HashMap<>();
        jdbc.sql("""
                SELECT lead_unit_id, category, CASE WHEN parent_task_id IS NULL THEN TRUE ELSE FALSE END AS top_level,
                       light, COUNT(*) AS n FROM task WHERE campaign_id = :c AND light IS NOT NULL
                GROUP BY lead_unit_id, category, CASE WHEN parent_task_id IS NULL THEN TRUE ELSE FALSE END, light""")
                .param("c", campaign.id())
                .query(rs -> {
                    map.put(rs.getLong("lead_unit_id") + "|" + rs.getString("category") + "|" + rs.getBoolean("top_level")
                            + "|" + rs.getString("light"), rs.getLong("n"));
                });
        return map;
    }
}
