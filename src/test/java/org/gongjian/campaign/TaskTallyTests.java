package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole-campaign list total comes from the tally (issue #18): it must equal a count of the tasks for every filter
 * it answers, after creates, subtasks, light changes, a category change and deletes, and after the tally is folded
 * (on PostgreSQL, where triggers keep it; on H2 it is a view). A scoped user's total is the tally less the tasks led
 * outside the scope plus those the scope cooperates on, or (more than {@code outsideCap} led outside) counted from the
 * scope's side: both must equal a count of the tasks the scope sees, for every scope and filter.
 */
class TaskTallyTests extends IntegrationTest {

    @Autowired OrgFixtures fixtures;
    @Autowired CampaignFixtures campaigns;
    @Autowired TaskService tasks;
    @Autowired TaskTally tally;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskStore store;

    @Test
    void theTalliedTotalIsTheCountedOneForEveryFilterItAnswers() {
        OrgFixtures.County c = fixtures.county();
        CampaignView campaign = campaigns.campaign(c.county());
        TaskView jobs = campaigns.jobsTask(campaign, "稳就业", c.townshipA());
        campaigns.decompose(jobs, c.villageA(), "400");
        campaigns.taskIn(campaign, "生态环保", "治水", c.townshipA());
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

        jdbc.update("DELETE FROM task_change WHERE task_id = ?", roads.id());
        jdbc.update("DELETE FROM task_cooperating_unit WHERE task_id = ?", roads.id());
        jdbc.update("DELETE FROM indicator WHERE task_id = ?", roads.id());
        jdbc.update("DELETE FROM milestone WHERE task_id = ?", roads.id());
        jdbc.update("DELETE FROM task WHERE id = ?", roads.id());
        assertTotals(campaign.id(), c);

        tally.compact();
        assertTotals(campaign.id(), c);
        if (TestDatabase.postgresRequested()) {
            // folded: one row per key the campaign has, none for a key that netted to zero
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_tally WHERE campaign_id = ?", Long.class,
                    campaign.id())).isEqualTo(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM (SELECT DISTINCT category, light, parent_task_id IS NULL FROM task
                    WHERE campaign_id = ?) k""", Long.class, campaign.id()));
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
        // a scoped user's total is what its scope lets through, whether from the tally (nothing or a little led
        // outside the scope) or counted (more led outside than the cap: 0 here)
        for (int cap : new int[] {TaskStore.OUTSIDE_CAP, 0}) {
            store.outsideCap(cap);
            try {
                for (org.gongjian.org.UnitView unit : List.of(c.county(), c.townshipA(), c.townshipB(), c.villageA(),
                        c.department())) {
                    DataScope scope = DataScope.of(unit.id(), unit.path());
                    for (TaskFilter filter : filters) {
                        assertThat(tasks.tasks(campaignId, filter, scope, new PageQuery(0, 50)).total())
                                .as("%s, %s, cap %d", unit.name(), filter, cap).isEqualTo(counted(campaignId, filter, unit.path()));
                    }
                }
            } finally {
                store.outsideCap(TaskStore.OUTSIDE_CAP);
            }
        }
    }

    private long counted(long campaignId, TaskFilter f) {
        return counted(campaignId, f, null);
    }

    /** The filter's tasks, led or cooperated on by a unit under {@code scopePath} when there is one. */
    private long counted(long campaignId, TaskFilter f, String scopePath) {
        List<Object> args = new ArrayList<>(List.of(campaignId));
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM task WHERE campaign_id = ?");
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
