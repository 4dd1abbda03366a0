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
 * (on PostgreSQL, where triggers keep it; on H2 it is a view). A scoped user's total is still counted from the tasks.
 */
class TaskTallyTests extends IntegrationTest {

    @Autowired OrgFixtures fixtures;
    @Autowired CampaignFixtures campaigns;
    @Autowired TaskService tasks;
    @Autowired TaskTally tally;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theTalliedTotalIsTheCountedOneForEveryFilterItAnswers() {
        OrgFixtures.County c = fixtures.county();
        CampaignView campaign = campaigns.campaign(c.county());
        TaskView jobs = campaigns.jobsTask(campaign, "稳就业", c.townshipA());
        campaigns.decompose(jobs, c.villageA(), "400");
        campaigns.taskIn(campaign, "生态环保", "治水", c.townshipA());
        campaigns.taskIn(campaign, "生态环保", "治气", c.villageA());
        TaskView roads = campaigns.taskIn(campaign, "项目建设", "修路", c.department());
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
        // a township user's total stays a count of what its scope lets through
        DataScope township = DataScope.of(c.townshipA().id(), c.townshipA().path());
        assertThat(tasks.tasks(campaignId, new TaskFilter(null, null, null, null, false, false), township,
                new PageQuery(0, 50)).total()).isEqualTo(jdbc.queryForObject("""
                SELECT COUNT(*) FROM task t JOIN unit u ON u.id = t.lead_unit_id
                WHERE t.campaign_id = ? AND u.path LIKE ?""", Long.class, campaignId, c.townshipA().path() + "%"));
    }

    private long counted(long campaignId, TaskFilter f) {
        List<Object> args = new ArrayList<>(List.of(campaignId));
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM task WHERE campaign_id = ?");
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
