package org.gongjian.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitCommand;
import org.gongjian.org.UnitKind;
import org.gongjian.org.UnitView;
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.LightRollUp;
import org.gongjian.supervision.SupervisionFigures;
import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's roll-ups to the focus unit's children (issue #18): the light counts from light_rollup and the period
 * figures from cockpit_subtree_figure give the same figures as summing every unit's rows along the paths (the reads
 * before them, kept here as the reference) on a four-level tree, after count changes, a fold and a unit move.
 */
class CockpitRollUpTests extends IntegrationTest {

    static final String[] CATEGORIES = {"民生改善", "生态环保", "招商引资"};
    static final String[] LIGHTS = {"GREEN", "GREEN", "YELLOW", "RED", "DONE"};
    static final DataScope ALL = DataScope.everything();

    @Autowired OrgService org;
    @Autowired CampaignService campaigns;
    @Autowired CockpitRefresh refresh;
    @Autowired CockpitStore store;
    @Autowired SupervisionFigures figures;
    @Autowired LightRollUp rollUp;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    int codes;

    @Test
    void childrenRollUpsMatchSummingEveryUnitAlongThePaths() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UnitView city = unit("市", UnitKind.CITY, null, tag);
        List<UnitView> units = new ArrayList<>(List.of(city));
        List<UnitView> counties = new ArrayList<>();
        List<UnitView> towns = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            UnitView county = unit("县" + k, UnitKind.COUNTY, city.id(), tag);
            counties.add(county);
            units.add(county);
            for (int t = 0; t < 2; t++) {
                UnitView town = unit("镇" + k + t, UnitKind.TOWNSHIP, county.id(), tag);
                towns.add(town);
                units.add(town);
                for (int v = 0; v < 2; v++) {
                    units.add(unit("村" + k + t + v, UnitKind.VILLAGE, town.id(), tag));
                }
            }
        }
        // county 2 and its townships lead nothing: a branch with no rows
        List<UnitView> leads = units.stream().filter(u -> !u.path().startsWith(counties.get(2).path())).toList();
        CampaignView campaign = campaigns.create(new CampaignCommand("汇总" + tag, 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), city.id(), null, ReportingFrequency.MONTHLY, null, null, null, null, null), ALL);
        long id = campaign.id();
        tasks(id, leads, 157);
        refresh.refresh(id);
        List<DataScope> scopes = new ArrayList<>(List.of(scope(city), scope(counties.get(0)), scope(counties.get(2)),
                scope(towns.get(1)), scope(units.get(units.size() - 1)), ALL));
        assertThat(figures.lightCells(id, scope(city))).isNotEmpty();
        List<CockpitStore.Figure> cityFigures = tx.execute(s -> store.figures(id, city.id(), city.path()));
        assertThat(cityFigures).isNotEmpty();
        assertSame(id, scopes);

        // count changes as LightStore makes them: a light moves (one count down, one up), a new key, a count to zero
        UnitView village = units.get(3);
        jdbc.update("UPDATE light_count SET task_count = task_count - 1 WHERE campaign_id = ? AND unit_id = ? AND light = 'GREEN'"
                + " AND task_count > 0", id, village.id());
        jdbc.update("UPDATE light_count SET task_count = task_count + 2 WHERE campaign_id = ? AND unit_id = ? AND light = 'RED'",
                id, counties.get(1).id());
        jdbc.update("INSERT INTO light_count (campaign_id, unit_id, category, top_level, light, task_count) VALUES (?, ?, '新类别', FALSE, 'RED', 3)",
                id, towns.get(2).id());
        jdbc.update("UPDATE light_count SET task_count = 0 WHERE campaign_id = ? AND unit_id = ? AND light = 'YELLOW'",
                id, towns.get(0).id());
        assertSame(id, scopes);
        rollUp.scheduled();   // as the job calls it: the fold's advisory lock needs a transaction around it
        assertSame(id, scopes);

        // township 0 of county 0 moves to county 2: its subtree's counts now belong there
        UnitView moved = towns.get(0);
        tx.executeWithoutResult(s -> org.updateUnit(moved.id(), new UnitCommand(moved.name(), UnitKind.TOWNSHIP,
                counties.get(2).id(), moved.code()), ALL));
        assertThat(jdbc.queryForObject("SELECT dirty FROM cockpit_refresh WHERE campaign_id = ?", Boolean.class, id)).isTrue();
        refresh.refresh(id);
        scopes.add(scope(org.unit(moved.id(), ALL)));
        scopes.replaceAll(s -> s.unitId() == null ? s : scope(org.unit(s.unitId(), ALL)));
        assertSame(id, scopes);
        assertThat(figures.lightCells(id, scope(counties.get(2))).stream().mapToLong(SupervisionFigures.BranchCell::tasks)
                .sum()).isPositive();
        rollUp.fold();
        assertSame(id, scopes);
    }

    private void assertSame(long campaignId, List<DataScope> scopes) {
        for (DataScope scope : scopes) {
            assertThat(figures.lightCells(campaignId, scope)).as("light cells of %s", scope.path())
                    .containsExactlyInAnyOrderElementsOf(oldLightCells(campaignId, scope));
            List<String> now = tx.execute(s -> store.figures(campaignId, scope.unitId(), scope.path())).stream().map(CockpitRollUpTests::text).toList();
            assertThat(now).as("period figures of %s", scope.path())
                    .containsExactlyInAnyOrderElementsOf(oldFigures(campaignId, scope.path()));
        }
    }

    /** The read before light_rollup: every light_count row in the scope, grouped by the child its path runs through. */
    private List<SupervisionFigures.BranchCell> oldLightCells(long campaignId, DataScope scope) {
        return jdbc.query("""
                SELECT x.branch, x.category, x.light, SUM(x.task_count) FROM (
                    SELECT SUBSTRING(u.path FROM 1 FOR ? + POSITION('/' IN SUBSTRING(u.path FROM ? + 1))) AS branch,
                           c.category, c.light, c.task_count
                    FROM light_count c JOIN org_unit_path u ON u.unit_id = c.unit_id
                    WHERE c.campaign_id = ? AND c.task_count > 0 AND u.path LIKE ?) x
                GROUP BY x.branch, x.category, x.light""", (rs, n) -> new SupervisionFigures.BranchCell(rs.getString(1),
                rs.getString(2), Light.valueOf(rs.getString(3)), rs.getLong(4)),
                scope.path().length(), scope.path().length(), campaignId, scope.likePattern());
    }

    /** The read before cockpit_subtree_figure, rows as text (so 12.5 and 12.50 compare equal). */
    private List<String> oldFigures(long campaignId, String focusPath) {
        return jdbc.query("""
                SELECT x.branch, x.period, SUM(x.green), SUM(x.yellow), SUM(x.red), SUM(x.done), SUM(x.tasks),
                       SUM(x.progress_sum), SUM(x.expected), SUM(x.on_time), SUM(x.late), SUM(x.not_in) FROM (
                    SELECT SUBSTRING(u.path FROM 1 FOR ? + POSITION('/' IN SUBSTRING(u.path FROM ? + 1))) AS branch,
                           f.period, f.green, f.yellow, f.red, f.done, f.tasks, f.progress_sum, f.expected, f.on_time,
                           f.late, f.not_in
                    FROM cockpit_period_figure f JOIN org_unit_path u ON u.unit_id = f.unit_id
                    WHERE f.campaign_id = ? AND u.path LIKE ?) x
                GROUP BY x.branch, x.period""", (rs, n) -> text(new CockpitStore.Figure(0, rs.getString(1), rs.getString(2),
                rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getObject(7) == null ? null : rs.getInt(7),
                rs.getBigDecimal(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12))),
                focusPath.length(), focusPath.length(), campaignId, focusPath + "%");
    }

    private static String text(CockpitStore.Figure f) {
        BigDecimal sum = f.progressSum() == null ? null : f.progressSum().setScale(2, RoundingMode.UNNECESSARY);
        return new CockpitStore.Figure(f.unitId(), f.unitPath(), f.period(), f.green(), f.yellow(), f.red(), f.done(),
                f.tasks(), sum, f.expected(), f.onTime(), f.late(), f.notIn()).toString();
    }

    private UnitView unit(String name, UnitKind kind, Long parent, String tag) {
        return org.createUnit(new UnitCommand(name + tag, kind, parent, "RU" + tag + "-" + codes++), ALL);
    }

    private static DataScope scope(UnitView unit) {
        return DataScope.of(unit.id(), unit.path());
    }

    /** Tasks straight into the tables, with their light state, counts and light history (as CockpitBench). */
    private void tasks(long campaignId, List<UnitView> leads, int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {campaignId, "任务" + i, CATEGORIES[i % CATEGORIES.length],
                    leads.get(i % leads.size()).id(), (i * 37) % 100, LIGHTS[i % LIGHTS.length]});
        }
        jdbc.batchUpdate("""
                INSERT INTO task (campaign_id, title, category, lead_unit_id, weight, start_date, due_date,
                    progress, light, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, 1, DATE '2026-01-01', DATE '2026-12-31', ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)""",
                rows);
        jdbc.update("""
                INSERT INTO task_light_state (task_id, campaign_id, unit_id, category, top_level, light)
                SELECT id, campaign_id, lead_unit_id, category, TRUE, light FROM task WHERE campaign_id = ?""", campaignId);
        jdbc.update("""
                INSERT INTO light_count (campaign_id, unit_id, category, top_level, light, task_count)
                SELECT campaign_id, lead_unit_id, category, TRUE, light, COUNT(*) FROM task WHERE campaign_id = ?
                GROUP BY campaign_id, lead_unit_id, category, light""", campaignId);
        // history from 1 March (closed periods before it have no rows, so some units' progress is NULL there)
        jdbc.update("""
                INSERT INTO task_light_period (task_id, campaign_id, light, reasons, since_date, until_date)
                SELECT id, campaign_id, light, '', ?, NULL FROM task WHERE campaign_id = ?""",
                Date.valueOf(LocalDate.of(2026, 3, 1)), campaignId);
    }
}
