package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageResult;
import org.gongjian.shared.PageQuery;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole-campaign list total comes from the tally (issue #18): it must equal a count of the tasks for every filter
 * it answers, after creates, subtasks, light changes, a category change, a handover, deletes and a unit's move, and
 * after the tallies are folded (on PostgreSQL, where triggers keep them; on H2 they are views). A scoped user's total
 * is the scope unit's subtree tally plus the tasks it cooperates on from outside, a lead unit's the lead unit's
 * subtree tally: each must equal a count of the tasks the scope sees, for every scope, lead unit and filter, and the
 * same list with every total counted.
 */
class TaskTallyTests extends IntegrationTest {

    @Autowired OrgFixtures fixtures;
    @Autowired CampaignFixtures campaigns;
    @Autowired TaskService tasks;
    @Autowired TaskTally tally;
    @Autowired SubtreeTally subtrees;
    @Autowired OrgService units;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskStore store;

    @Test
    void theTalliedTotalIsTheCountedOneForEveryFilterItAnswers() {
        OrgFixtures.County c = fixtures.county();
        CampaignView campaign = campaigns.campaign(c.county());
        TaskView jobs = campaigns.jobsTask(campaign, "稳就业", c.townshipA());
        campaigns.decompose(jobs, c.villageA(), "400");
        TaskView water = campaigns.taskIn(campaign, "生态环保", "治水", c.townshipA());
        campaigns.taskIn(campaign, "生态环保", "治气", c.villageA());
        TaskView roads = campaigns.taskIn(campaign, "项目建设", "修路", c.department());
        // led outside township A with A cooperating, and led in A with a unit outside it cooperating
        campaigns.task(campaign, "跨镇河道治理", c.townshipB(), c.townshipA());
        campaigns.task(campaign, "甲镇乙镇共建", c.villageA(), c.townshipB());
        assertTotals(campaign.id(), c);

        jdbc.update("UPDATE task SET light = 'RED' WHERE campaign_id = ? AND category = '生态环保'", campaign.id());
        jdbc.update("UPDATE task SET light = 'GREEN' WHERE id = ?", roads.id());
        assertTotals(campaign.id(), c);

        // a change of key in one statement, and a change of nothing the tally keeps
        jdbc.update("UPDATE task SET category = '民生改善', light = 'YELLOW' WHERE id = ?", roads.id());
        jdbc.update("UPDATE task SET progress = 12 WHERE campaign_id = ?", campaign.id());
        assertTotals(campaign.id(), c);

        // a handover: the task leaves township A's subtree for the department's
        jdbc.update("UPDATE task SET lead_unit_id = ? WHERE id = ?", c.department().id(), water.id());
        assertTotals(campaign.id(), c);

        jdbc.update("DELETE FROM task_change WHERE task_id = ?", roads.id());
        jdbc.update("DELETE FROM task_cooperating_unit WHERE task_id = ?", roads.id());
        jdbc.update("DELETE FROM indicator WHERE task_id = ?", roads.id());
        jdbc.update("DELETE FROM milestone WHERE task_id = ?", roads.id());
        jdbc.update("DELETE FROM task WHERE id = ?", roads.id());
        assertTotals(campaign.id(), c);

        tally.compact();
        subtrees.fold();
        assertTotals(campaign.id(), c);
        if (TestDatabase.postgresRequested()) {
            // folded: one row per key the campaign has, none for a key that netted to zero
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_tally WHERE campaign_id = ?", Long.class,
                    campaign.id())).isEqualTo(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM (SELECT DISTINCT category, light, parent_task_id IS NULL FROM task
                    WHERE campaign_id = ?) k""", Long.class, campaign.id()));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_subtree_tally WHERE campaign_id = ? AND appended",
                    Long.class, campaign.id())).isZero();
        }

        // village A (and what it leads) moves from township A to township B, then a task is added there
        units.updateUnit(c.villageA().id(), new UnitCommand(c.villageA().name(),
                c.villageA().kind(), c.townshipB().id(), c.villageA().code()), DataScope.everything());
        campaigns.taskIn(campaign, "生态环保", "护林", units.unit(c.villageA().id(), DataScope.everything()));
        assertTotals(campaign.id(), c);
        subtrees.fold();
        assertTotals(campaign.id(), c);
    }

    @Test
    void aScopedOrLeadUnitTotalCountsNoTaskItsSubtreeLeads() {
        OrgFixtures.County c = fixtures.county();
        CampaignView campaign = campaigns.campaign(c.county());
        campaigns.decompose(campaigns.jobsTask(campaign, "稳就业", c.townshipA()), c.villageA(), "400");
        campaigns.task(campaign, "跨镇河道治理", c.townshipB(), c.townshipA());
        DataScope county = DataScope.of(c.county().id(), c.county().path());
        DataScope township = DataScope.of(c.townshipA().id(), c.townshipA().path());
        TaskFilter all = new TaskFilter(null, null, null, null, false, false);
        TaskFilter village = new TaskFilter(null, null, c.villageA().id(), null, false, false);
        for (var list : List.<java.util.function.Supplier<PageResult<TaskRow>>>of(
                () -> tasks.tasks(campaign.id(), all, county, new PageQuery(0, 50)),
                () -> tasks.tasks(campaign.id(), all, township, new PageQuery(0, 50)),
                () -> tasks.tasks(campaign.id(), village, township, new PageQuery(0, 50)),
                () -> tasks.tasks(campaign.id(), village, DataScope.everything(), new PageQuery(0, 50)))) {
            var counted = StatementCounter.count(list);
            // the only total counted from tasks is the cooperating set's (tasks led outside the scope); a statement
            // that opens with a COUNT is a total (the page's subtask count comes later in its column list)
            assertThat(counted.statements()).filteredOn(sql -> sql.strip().substring(0, 40).contains("COUNT(*)"))
                    .allMatch(sql -> sql.contains("task_cooperating_unit"), "cooperation counts only");
            assertThat(counted.result().total()).isEqualTo(counted.result().items().size());
        }
    }

    private void assertTotals(long campaignId, OrgFixtures.County c) {
        List<TaskFilter> filters = new ArrayList<>();
        for (String category : new String[] {null, "民生改善", "生态环保", "项目建设"}) {
            for (Light light : new Light[] {null, Light.RED, Light.GREEN, Light.YELLOW}) {
                filters.add(new TaskFilter(category, light, null, null, false, false));
                filters.add(new TaskFilter(category, light, null, null, true, false));
            }
            filters.add(new TaskFilter(category, null, null, null, false, true));
            filters.add(new TaskFilter(category, null, null, null, true, true));
        }
        for (TaskFilter filter : filters) {
            assertThat(TaskTally.answers(filter)).isTrue();
            long counted = counted(campaignId, filter);
            assertThat(tasks.tasks(campaignId, filter, DataScope.everything(), new PageQuery(0, 50)).total())
                    .as("%s", filter).isEqualTo(counted);
        }
        // a scoped user's total is what its scope lets through, from the tallies and counted
        List<UnitView> scopes = List.of(c.county(), c.townshipA(), c.townshipB(), c.villageA(), c.department());
        for (boolean count : new boolean[] {false, true}) {
            store.countTotals(count);
            try {
                for (UnitView unit : scopes) {
                    String path = units.unit(unit.id(), DataScope.everything()).path();
                    DataScope scope = DataScope.of(unit.id(), path);
                    for (TaskFilter filter : filters) {
                        assertThat(tasks.tasks(campaignId, filter, scope, new PageQuery(0, 50)).total())
                                .as("%s, %s, counted %s", unit.name(), filter, count)
                                .isEqualTo(counted(campaignId, filter, path, null));
                    }
                    assertLeadUnitTotals(campaignId, filters, scopes, scope, count);
                }
                assertLeadUnitTotals(campaignId, filters, scopes, DataScope.everything(), count);
            } finally {
                store.countTotals(false);
            }
        }
    }

    /**
     * Each unit as the lead-unit filter, inside, above, beside the scope; every third filter (a mix of categories,
     * lights, levels and unevaluated: all of them here made this test take three minutes).
     */
    private void assertLeadUnitTotals(long campaignId, List<TaskFilter> filters, List<UnitView> leads,
                                      DataScope scope, boolean count) {
        for (UnitView lead : leads) {
            String leadPath = units.unit(lead.id(), DataScope.everything()).path();
            for (int i = 0; i < filters.size(); i += 3) {
                TaskFilter f = filters.get(i);
                TaskFilter filter = new TaskFilter(f.category(), f.light(), lead.id(), null, f.topLevelOnly(), f.unevaluated());
                assertThat(tasks.tasks(campaignId, filter, scope, new PageQuery(0, 50)).total())
                        .as("lead %s, scope %s, %s, counted %s", lead.name(), scope.path(), filter, count)
                        .isEqualTo(counted(campaignId, filter, scope.isEverything() ? null : scope.path(), leadPath));
            }
        }
    }

    private long counted(long campaignId, TaskFilter f) {
        return counted(campaignId, f, null, null);
    }

    /**
     * The filter's tasks, led or cooperated on by a unit under {@code scopePath} when there is one, led by a unit
     * under {@code leadPath} when there is one.
     */
    private long counted(long campaignId, TaskFilter f, String scopePath, String leadPath) {
        List<Object> args = new ArrayList<>(List.of(campaignId));
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM task WHERE campaign_id = ?");
        if (leadPath != null) {
            sql.append(" AND lead_unit_id IN (SELECT id FROM unit WHERE path LIKE ?)");
            args.add(leadPath + "%");
        }
        if (scopePath != null) {
            sql.append(" " + """
                    AND (lead_unit_id IN (SELECT id FROM unit WHERE path LIKE ?) OR id IN (SELECT cu.task_id
                    FROM task_cooperating_unit cu JOIN unit u ON u.id = cu.unit_id WHERE u.path LIKE ?))""");
            args.add(scopePath + "%");
            args.add(scopePath + "%");
        }
        if (f.category() != null) {
            sql.append(" AND category = ?");
            args.add(f.category());
        }
        if (f.light() != null) {
            sql.append(" AND light = ?");
            args.add(f.light().name());
        } else if (f.unevaluated()) {
            sql.append(" AND light IS NULL");
        }
        if (f.topLevelOnly()) {
            sql.append(" AND parent_task_id IS NULL");
        }
        return jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
    }
}
