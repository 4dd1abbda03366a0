package org.gongjian.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gongjian.org.OrgService;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The campaign overview's category summary (issue #18): a scope's is read as the list's two sets (led in the scope;
 * led outside it and cooperated on from inside) with the parent tested by key, and must equal a recount of the
 * campaign's rows in Java — every task led or cooperated on by a unit of the scope whose parent is not, per category:
 * count, lights, average progress — for every scope (the county, both townships, villages, the department that only
 * cooperates, the township whose own parents hold shares led in its villages or cooperated on by it), after lights and
 * progress change, a category change, handovers of a parent and of a share, a delete and a unit's move, with another
 * campaign's tasks beside it.
 */
class CategorySummaryTests extends IntegrationTest {

    @Autowired OrgFixtures fixtures;
    @Autowired CampaignFixtures campaigns;
    @Autowired TaskService tasks;
    @Autowired TaskStore store;
    @Autowired OrgService units;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aScopesSummaryIsTheOneRecountedFromItsTasks() {
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
        // led inside A with B and the department cooperating; a share of it led in B that A cooperates on (its parent is A's)
        TaskView common = campaigns.task(campaign, "甲镇乙镇共建", c.townshipA(), c.townshipB(), c.department());
        TaskView commonShare = campaigns.decompose(common, c.villageA(), "5").subtasks().get(0);
        // shares led outside their parent's lead unit are handed over there (a decomposition keeps them below it)
        jdbc.update("UPDATE task SET lead_unit_id = ? WHERE id = ?", c.villageA().id(), riverShare.id());
        jdbc.update("UPDATE task SET lead_unit_id = ? WHERE id = ?", villageB.id(), commonShare.id());
        jdbc.update("INSERT INTO task_cooperating_unit (task_id, unit_id) VALUES (?, ?)", commonShare.id(), c.townshipA().id());
        // another campaign of the same units, whose tasks no summary of this one counts
        CampaignView other = campaigns.campaign(c.townshipA());
        campaigns.decompose(campaigns.task(other, "另一项工作", c.townshipA(), c.villageA()), c.villageA(), "7");
        List<UnitView> scopes = List.of(c.county(), c.townshipA(), c.townshipB(), c.villageA(), villageB, villageC,
                c.department());
        assertSummaries(campaign.id(), scopes);

        jdbc.update("UPDATE task SET light = 'RED', progress = 33.33 WHERE campaign_id = ? AND parent_task_id IS NOT NULL",
                campaign.id());
        jdbc.update("UPDATE task SET light = 'GREEN', progress = 12.5 WHERE id IN (?, ?)", roads.id(), river.id());
        jdbc.update("UPDATE task SET light = 'DONE', progress = 100 WHERE id = ?", riverShare.id());
        jdbc.update("UPDATE task SET light = 'YELLOW', progress = 66.67 WHERE id = ?", share.id());
        jdbc.update("UPDATE task SET light = 'RED' WHERE campaign_id = ?", other.id());
        assertSummaries(campaign.id(), scopes);

        jdbc.update("UPDATE task SET category = '生态环保', light = 'YELLOW' WHERE id = ?", roads.id());
        assertSummaries(campaign.id(), scopes);

        // handovers: a parent (its shares' parent now led elsewhere), a share, then a parent and its share at once
        jdbc.update("UPDATE task SET lead_unit_id = ? WHERE id = ?", c.department().id(), river.id());
        assertSummaries(campaign.id(), scopes);
        jdbc.update("UPDATE task SET lead_unit_id = ? WHERE id = ?", c.townshipA().id(), commonShare.id());
        assertSummaries(campaign.id(), scopes);
        jdbc.update("UPDATE task SET lead_unit_id = CASE WHEN id = ? THEN ? ELSE ? END WHERE id IN (?, ?)",
                jobs.id(), c.townshipB().id(), c.department().id(), jobs.id(), share.id());
        assertSummaries(campaign.id(), scopes);

        for (String table : List.of("task_change", "task_cooperating_unit", "indicator", "milestone")) {
            jdbc.update("DELETE FROM " + table + " WHERE task_id = ?", roads.id());
        }
        jdbc.update("DELETE FROM task WHERE id = ?", roads.id());
        assertSummaries(campaign.id(), scopes);

        // village A (and what it leads) moves from township A to township B, then a task is added there
        units.updateUnit(c.villageA().id(), new UnitCommand(c.villageA().name(), c.villageA().kind(), c.townshipB().id(),
                c.villageA().code()), DataScope.everything());
        campaigns.taskIn(campaign, "生态环保", "护林", units.unit(c.villageA().id(), DataScope.everything()));
        assertSummaries(campaign.id(), scopes);
    }

    @Test
    void aScopeWithoutTasksInTheCampaignHasNoCategories() {
        OrgFixtures.County c = fixtures.county();
        CampaignView campaign = campaigns.campaign(c.county());
        campaigns.task(campaign, "县局任务", c.department());
        assertThat(store.summary(campaign.id(), DataScope.of(c.townshipA().id(), c.townshipA().path()))).isEmpty();
        assertThat(store.summary(campaign.id(), DataScope.nothing())).isEmpty();
        assertThat(store.summary(campaign.id(), DataScope.of(c.county().id(), c.county().path())))
                .isEqualTo(recounted(campaign.id(), c.county().path())).hasSize(1);
    }

    private void assertSummaries(long campaignId, List<UnitView> scopes) {
        assertThat(tasks.summary(campaignId, DataScope.everything())).as("whole campaign")
                .isEqualTo(recounted(campaignId, null));
        for (UnitView unit : scopes) {
            String path = units.unit(unit.id(), DataScope.everything()).path();
            List<CategorySummary> expected = recounted(campaignId, path);
            assertThat(tasks.summary(campaignId, DataScope.of(unit.id(), path))).as(unit.name()).isEqualTo(expected);
        }
    }

    private record Row(long id, Long parentId, String category, String light, BigDecimal progress, String leadPath) {}

    /**
     * The summary recounted from the campaign's rows: without a scope its top-level tasks; with one, every task led or
     * cooperated on by a unit under {@code scopePath} whose parent is neither.
     */
    private List<CategorySummary> recounted(long campaignId, String scopePath) {
        Map<Long, Row> rows = new HashMap<>();
        jdbc.query("""
                SELECT t.id, t.parent_task_id, t.category, t.light, t.progress, u.path
                FROM task t JOIN unit u ON u.id = t.lead_unit_id WHERE t.campaign_id = ?""", rs -> {
            long parent = rs.getLong(2);
            Long parentId = rs.wasNull() ? null : parent;
            rows.put(rs.getLong(1), new Row(rs.getLong(1), parentId, rs.getString(3),
                    rs.getString(4), rs.getBigDecimal(5), rs.getString(6)));
        }, campaignId);
        Map<Long, List<String>> cooperating = new HashMap<>();
        jdbc.query("""
                SELECT cu.task_id, u.path FROM task_cooperating_unit cu JOIN unit u ON u.id = cu.unit_id
                JOIN task t ON t.id = cu.task_id WHERE t.campaign_id = ?""",
                rs -> { cooperating.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)); },
                campaignId);
        Map<String, List<Row>> byCategory = new TreeMap<>();
        for (Row row : rows.values()) {
            boolean counted = scopePath == null ? row.parentId() == null
                    : inScope(row, scopePath, cooperating)
                      && (row.parentId() == null || !rows.containsKey(row.parentId())
                          || !inScope(rows.get(row.parentId()), scopePath, cooperating));
            if (counted) {
                byCategory.computeIfAbsent(row.category(), k -> new ArrayList<>()).add(row);
            }
        }
        List<CategorySummary> summaries = new ArrayList<>();
        byCategory.forEach((category, list) -> {
            BigDecimal sum = list.stream().map(Row::progress).reduce(BigDecimal.ZERO, BigDecimal::add);
            summaries.add(new CategorySummary(category, list.size(),
                    sum.divide(BigDecimal.valueOf(list.size()), 10, RoundingMode.HALF_UP).setScale(1, RoundingMode.HALF_UP),
                    lit(list, "RED"), lit(list, "YELLOW"), lit(list, "GREEN"), lit(list, "DONE"), lit(list, null)));
        });
        return summaries;
    }

    private static boolean inScope(Row row, String scopePath, Map<Long, List<String>> cooperating) {
        return row.leadPath().startsWith(scopePath)
               || cooperating.getOrDefault(row.id(), List.of()).stream().anyMatch(p -> p.startsWith(scopePath));
    }

    private static long lit(List<Row> rows, String light) {
        return rows.stream().filter(r -> java.util.Objects.equals(r.light(), light)).count();
    }
}
