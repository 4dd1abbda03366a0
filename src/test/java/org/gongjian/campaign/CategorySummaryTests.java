package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The campaign overview's category summary (issue #18): a scope's comes from {@code task_summary_tally} and the
 * scope's cooperations instead of the campaign's tasks, and must equal the figures counted from the tasks the old
 * way — every scope, after creates, subtasks, cooperations on either side of a parent, lights, progress, a category
 * change, handovers of a parent and of a subtask, a delete, the tally folded (PostgreSQL) and a unit's move.
 */
class CategorySummaryTests extends IntegrationTest {

    @Autowired OrgFixtures fixtures;
    @Autowired CampaignFixtures campaigns;
    @Autowired TaskService tasks;
    @Autowired SummaryTally summaries;
    @Autowired OrgService units;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aScopesSummaryIsTheOneCountedFromItsTasks() {
        OrgFixtures.County c = fixtures.county();
        UnitView villageB = units.createUnit(new UnitCommand("乙村" + c.tag(), UnitKind.VILLAGE, c.townshipB().id(),
                "KBV" + c.tag()), DataScope.everything());
        UnitView villageC = units.createUnit(new UnitCommand("丙村" + c.tag(), UnitKind.VILLAGE, c.townshipB().id(),
                "KBW" + c.tag()), DataScope.everything());
        CampaignView campaign = campaigns.campaign(c.county());
        TaskView jobs = campaigns.jobsTask(campaign, "稳就业", c.townshipA());
        TaskView share = campaigns.decompose(jobs, c.villageA(), "400").subtasks().get(0);
        campaigns.taskIn(campaign, "生态环保", "治气", c.villageA());
        TaskView roads = campaigns.taskIn(campaign, "项目建设", "修路", c.department());
        // led outside township A with A cooperating, with shares led inside A (its parent is in A's scope) and beside it
        TaskView river = campaigns.task(campaign, "跨镇河道治理", c.townshipB(), c.townshipA());
        campaigns.decompose(river, villageB, "20");
        TaskView riverShare = campaigns.decompose(river, villageC, "10").subtasks().get(0);
        // led inside A with B cooperating; a share of it led in B that A cooperates on (its parent is A's)
        TaskView common = campaigns.task(campaign, "甲镇乙镇共建", c.townshipA(), c.townshipB());
        TaskView commonShare = campaigns.decompose(common, c.villageA(), "5").subtasks().get(0);
        // shares led outside their parent's lead unit are handed over there (a decomposition keeps them below it)
        jdbc.update("UPDATE task SET lead_unit_id = ? WHERE id = ?", c.villageA().id(), riverShare.id());
        jdbc.update("UPDATE task SET lead_unit_id = ? WHERE id = ?", villageB.id(), commonShare.id());
        jdbc.update("INSERT INTO task_cooperating_unit (task_id, unit_id) VALUES (?, ?)", commonShare.id(), c.townshipA().id());
        List<UnitView> scopes = List.of(c.county(), c.townshipA(), c.townshipB(), c.villageA(), villageB, c.department());
        assertSummaries(campaign.id(), scopes);

        jdbc.update("UPDATE task SET light = 'RED', progress = 33.33 WHERE campaign_id = ? AND parent_task_id IS NOT NULL",
                campaign.id());
        jdbc.update("UPDATE task SET light = 'GREEN', progress = 12.5 WHERE id IN (?, ?)", roads.id(), river.id());
        jdbc.update("UPDATE task SET light = 'DONE', progress = 100 WHERE id = ?", riverShare.id());
        jdbc.update("UPDATE task SET progress = 66.67 WHERE id = ?", share.id());
        assertSummaries(campaign.id(), scopes);

        // a change of category with a light, and of nothing the tally keeps
        jdbc.update("UPDATE task SET category = '民生改善', light = 'YELLOW' WHERE id = ?", roads.id());
        jdbc.update("UPDATE task SET title = title || '（修订）', version = version + 1 WHERE campaign_id = ?", campaign.id());
        assertSummaries(campaign.id(), scopes);

        // handovers: a parent (its shares' parent now led elsewhere), a share, then a parent and its share in one statement
        jdbc.update("UPDATE task SET lead_unit_id = ? WHERE id = ?", c.department().id(), river.id());
        assertSummaries(campaign.id(), scopes);
        jdbc.update("UPDATE task SET lead_unit_id = ? WHERE id = ?", c.townshipA().id(), commonShare.id());
        assertSummaries(campaign.id(), scopes);
        jdbc.update("UPDATE task SET lead_unit_id = CASE WHEN id = ? THEN ? ELSE ? END WHERE id IN (?, ?)",
                jobs.id(), c.townshipB().id(), c.department().id(), jobs.id(), share.id());
        assertSummaries(campaign.id(), scopes);

        campaigns.delete(roads);
        assertSummaries(campaign.id(), scopes);

        summaries.fold();
        assertSummaries(campaign.id(), scopes);
        if (TestDatabase.postgresRequested()) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_summary_tally WHERE campaign_id = ? AND appended",
                    Long.class, campaign.id())).isZero();
        }

        // village A (and what it leads) moves from township A to township B, then a task is added there
        units.updateUnit(c.villageA().id(), new UnitCommand(c.villageA().name(), c.villageA().kind(), c.townshipB().id(),
                c.villageA().code()), DataScope.everything());
        campaigns.taskIn(campaign, "生态环保", "护林", units.unit(c.villageA().id(), DataScope.everything()));
        assertSummaries(campaign.id(), scopes);
        summaries.fold();
        assertSummaries(campaign.id(), scopes);
    }

    @Test
    void aScopesSummaryReadsOnlyTheCooperatingSetsTasks() {
        OrgFixtures.County c = fixtures.county();
        CampaignView campaign = campaigns.campaign(c.county());
        campaigns.decompose(campaigns.jobsTask(campaign, "稳就业", c.townshipA()), c.villageA(), "400");
        campaigns.task(campaign, "跨镇河道治理", c.townshipB(), c.townshipA());
        DataScope county = DataScope.of(c.county().id(), c.county().path());
        var counted = StatementCounter.count(() -> tasks.summary(campaign.id(), county));
        assertThat(counted.statements()).filteredOn(sql -> sql.contains("GROUP BY")).singleElement().asString()
                .contains("task_summary_tally");
        assertThat(counted.result()).isEqualTo(counted(campaign.id(), county.path()));
    }

    private void assertSummaries(long campaignId, List<UnitView> scopes) {
        assertThat(tasks.summary(campaignId, DataScope.everything())).isEqualTo(counted(campaignId, null));
        for (UnitView unit : scopes) {
            String path = units.unit(unit.id(), DataScope.everything()).path();
            assertThat(tasks.summary(campaignId, DataScope.of(unit.id(), path))).as(unit.name())
                    .isEqualTo(counted(campaignId, path));
        }
    }

    /**
     * The summary as it was counted before the tally: every task in the scope (led or cooperated on by a unit under
     * {@code scopePath}) whose parent is not, or the top-level tasks without a scope.
     */
    private List<CategorySummary> counted(long campaignId, String scopePath) {
        String inScope = """
                (%1$s.lead_unit_id IN (SELECT id FROM unit WHERE path LIKE ?)
                 OR %1$s.id IN (SELECT cu.task_id FROM task_cooperating_unit cu JOIN unit u ON u.id = cu.unit_id
                                WHERE u.path LIKE ?))""";
        List<Object> args = new ArrayList<>(List.of(campaignId));
        String where = " WHERE t.campaign_id = ?";
        if (scopePath == null) {
            where += " AND t.parent_task_id IS NULL";
        } else {
            where += " AND " + inScope.formatted("t") + " AND (t.parent_task_id IS NULL OR t.parent_task_id NOT IN"
                    + " (SELECT p.id FROM task p WHERE " + inScope.formatted("p") + "))";
            args.addAll(List.of(scopePath + "%", scopePath + "%", scopePath + "%", scopePath + "%"));
        }
        return jdbc.query("""
                SELECT t.category, COUNT(*) AS tasks, COALESCE(AVG(t.progress), 0) AS avg_progress,
                       SUM(CASE WHEN t.light = 'RED' THEN 1 ELSE 0 END) AS red,
                       SUM(CASE WHEN t.light = 'YELLOW' THEN 1 ELSE 0 END) AS yellow,
                       SUM(CASE WHEN t.light = 'GREEN' THEN 1 ELSE 0 END) AS green,
                       SUM(CASE WHEN t.light = 'DONE' THEN 1 ELSE 0 END) AS done,
                       SUM(CASE WHEN t.light IS NULL THEN 1 ELSE 0 END) AS unevaluated
                FROM task t""" + where + " GROUP BY t.category ORDER BY t.category",
                (rs, n) -> new CategorySummary(rs.getString("category"), rs.getLong("tasks"),
                        rs.getBigDecimal("avg_progress").setScale(1, RoundingMode.HALF_UP), rs.getLong("red"),
                        rs.getLong("yellow"), rs.getLong("green"), rs.getLong("done"), rs.getLong("unevaluated")),
                args.toArray());
    }
}
