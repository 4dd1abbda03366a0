package org.gongjian.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import org.gongjian.shared.DataScope;
import org.gongjian.shared.NotFound;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The cockpit against a hand-built campaign (CockpitFixtures): lights, red list, punctuality, notices, pledges, scope. */
class CockpitTests extends IntegrationTest {

    @Autowired CockpitFixtures fixtures;
    @Autowired Cockpit cockpit;
    @Autowired CockpitRefresh refresh;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    CockpitFixtures.Scene s;
    DataScope county;

    @BeforeEach
    void scene() {
        s = fixtures.scene(clock);
        county = DataScope.of(s.c().county().id(), s.c().county().path());
    }

    /** The harness's 8 clients opening a fresh campaign's cockpit together got 409s from colliding refreshes. */
    @Test
    void firstDashboardsOpenedTogetherAllSucceedAndRefreshOnce() throws Exception {
        int clients = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(clients);
        try {
            List<java.util.concurrent.Future<Dashboard>> opened = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                opened.add(pool.submit(() -> {
                    together.await();
                    return cockpit.dashboard(s.campaign().id(), null, county);
                }));
            }
            for (var dashboard : opened) {
                assertThat(dashboard.get(60, java.util.concurrent.TimeUnit.SECONDS).period()).isEqualTo("2026-06");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cockpit_refresh WHERE campaign_id = :c AND refreshed_at IS NOT NULL")
                .param("c", s.campaign().id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void countyFiguresMatchTheHandBuiltCampaign() {
        Dashboard d = cockpit.dashboard(s.campaign().id(), null, county);

        assertThat(d.unit().id()).isEqualTo(s.c().county().id());
        assertThat(d.period()).isEqualTo("2026-06");
        assertThat(d.duePeriod()).isEqualTo("2026-05");
        assertThat(d.lights()).isEqualTo(new Dashboard.Tally(3, 2, 3, 0, 8));
        assertThat(d.byCategory()).extracting(Dashboard.CategoryRow::category, r -> r.lights().red(), r -> r.lights().total())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("民生改善", 1L, 4L),
                        org.assertj.core.groups.Tuple.tuple("生态环保", 2L, 3L),
                        org.assertj.core.groups.Tuple.tuple("招商引资", 0L, 1L));
        // township A's row holds its village's task too; the county's own task is the 本级 row
        assertThat(d.byUnit()).extracting(Dashboard.UnitRow::name, Dashboard.UnitRow::self, u -> u.lights().red(),
                        u -> u.lights().yellow(), u -> u.lights().total(), Dashboard.UnitRow::expected,
                        Dashboard.UnitRow::onTime, Dashboard.UnitRow::late, Dashboard.UnitRow::missing)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(s.c().county().name(), true, 0L, 0L, 1L, 1, 1, 0, 0),
                        org.assertj.core.groups.Tuple.tuple(s.c().townshipA().name(), false, 2L, 2L, 4L, 4, 2, 1, 1),
                        org.assertj.core.groups.Tuple.tuple(s.c().townshipB().name(), false, 1L, 0L, 2L, 2, 2, 0, 0),
                        org.assertj.core.groups.Tuple.tuple(s.c().department().name(), false, 0L, 0L, 1L, 1, 1, 0, 0));
        assertThat(d.byUnit().get(1).drillable()).isTrue();
        assertThat(d.byUnit().get(2).drillable()).isFalse();
    }

    /**
     * Between the 1st and last period's deadline (the 5th) the last period due is the one before: the cockpit showed
     * none then, so 按时报送率 read 0.0 % and the units' reporting columns were empty for the first days of a month.
     */
    @Test
    void beforeLastPeriodsDeadlineTheLastPeriodDueIsTheOneBefore() {
        clock.set(java.time.Instant.parse("2026-07-03T02:00:00Z")); // 3 July: June's deadline (5 July) not yet passed
        try {
            Dashboard d = cockpit.dashboard(s.campaign().id(), null, county);

            assertThat(d.period()).isEqualTo("2026-07");
            assertThat(d.duePeriod()).isEqualTo("2026-05");
            assertThat(kpi(d, "onTime").current()).isEqualByComparingTo("75.0");
            assertThat(d.byUnit()).extracting(Dashboard.UnitRow::expected).containsExactly(1, 4, 2, 1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void redListRunsLongestRedFirstWithReasons() {
        Dashboard d = cockpit.dashboard(s.campaign().id(), null, county);

        assertThat(d.redTasks()).extracting(Dashboard.RedTask::taskId)
                .containsExactly(s.a1().id(), s.b1().id(), s.a2().id());
        assertThat(d.redTasks()).extracting(Dashboard.RedTask::days).containsExactly(26L, 10L, 0L);
        assertThat(d.redTasks().get(0).reasons()).containsExactly("节点“完成主体工程”已逾期36天");
        assertThat(d.redTasks().get(1).unitName()).isEqualTo(s.c().townshipB().name());
    }

    @Test
    void trendAndHeadlineFiguresCompareThisPeriodWithTheLast() {
        Dashboard d = cockpit.dashboard(s.campaign().id(), null, county);

        // periods before the tasks began have nothing to show
        assertThat(d.trend()).extracting(Dashboard.TrendPoint::period).containsExactly("2026-05", "2026-06");
        Dashboard.TrendPoint may = d.trend().get(0);
        assertThat(may.lights()).isEqualTo(new Dashboard.Tally(7, 0, 1, 0, 8)); // on 31 May only A1 was red
        assertThat(List.of(may.expected(), may.onTime(), may.late(), may.notIn())).containsExactly(8, 6, 1, 1);
        assertThat(d.trend().get(1).lights().red()).isEqualTo(3);
        assertThat(kpi(d, "red").current()).isEqualByComparingTo("3");
        assertThat(kpi(d, "red").previous()).isEqualByComparingTo("1");
        assertThat(kpi(d, "onTime").current()).isEqualByComparingTo("75.0");
        assertThat(kpi(d, "onTime").previous()).isNull(); // nothing was due for April
        assertThat(kpi(d, "pledges").current()).isEqualByComparingTo("33.3");
        assertThat(d.pledges()).isEqualTo(new Dashboard.Pledges(1, 2, 3));
        assertThat(d.notices()).filteredOn(n -> n.open() > 0)
                .extracting(Dashboard.NoticeRow::level, Dashboard.NoticeRow::open, Dashboard.NoticeRow::overdue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("URGE", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("SUPERVISE", 1L, 0L));
        assertThat(kpi(d, "overdueNotices").current()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(d.heatmap().categories()).hasSize(3);
        assertThat(d.heatmap().units()).hasSize(4);
    }

    @Test
    void aTownshipSeesOnlyItsSubtree() {
        DataScope township = DataScope.of(s.c().townshipA().id(), s.c().townshipA().path());
        Dashboard d = cockpit.dashboard(s.campaign().id(), null, township);

        assertThat(d.unit().id()).isEqualTo(s.c().townshipA().id());
        assertThat(d.lights()).isEqualTo(new Dashboard.Tally(0, 2, 2, 0, 4));
        assertThat(d.byUnit()).extracting(Dashboard.UnitRow::unitId)
                .containsExactly(s.c().townshipA().id(), s.c().villageA().id());
        assertThat(d.redTasks()).extracting(Dashboard.RedTask::taskId).containsExactly(s.a1().id(), s.a2().id());
        assertThat(d.pledges()).isEqualTo(new Dashboard.Pledges(1, 0, 1));
        assertThat(d.parent()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                cockpit.dashboard(s.campaign().id(), s.c().townshipB().id(), township)).isInstanceOf(NotFound.class);
    }

    @Test
    void drillingDownKeepsAWayBackUp() {
        Dashboard d = cockpit.dashboard(s.campaign().id(), s.c().townshipA().id(), county);
        assertThat(d.parent()).isNotNull();
        assertThat(d.parent().id()).isEqualTo(s.c().county().id());
        assertThat(d.lights().total()).isEqualTo(4);
    }

    @Test
    void theApiAnswersTheSameFiguresAndGuardsScopeAndRole() throws Exception {
        String leader = Logins.token(mvc, s.c().leaderUser());
        mvc.perform(get("/api/v1/campaigns/{id}/dashboard", s.campaign().id()).header("Authorization", leader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lights.red").value(3))
                .andExpect(jsonPath("$.redTasks[0].taskId").value(s.a1().id()))
                .andExpect(jsonPath("$.byUnit[1].unitId").value(s.c().townshipA().id()));
        String orgDeptA = Logins.token(mvc, s.c().orgDeptAUser());
        mvc.perform(get("/api/v1/campaigns/{id}/dashboard", s.campaign().id()).header("Authorization", orgDeptA))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lights.total").value(4));
        mvc.perform(get("/api/v1/campaigns/{id}/dashboard", s.campaign().id()).param("unitId",
                        String.valueOf(s.c().townshipB().id())).header("Authorization", orgDeptA))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/campaigns/{id}/dashboard", 987_654_321L).header("Authorization", leader))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/campaigns/{id}/dashboard", s.campaign().id())
                        .header("Authorization", Logins.token(mvc, s.c().liaisonAUser())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void thePageRendersForALeaderAndRefusesALiaison() throws Exception {
        var session = Logins.session(mvc, s.c().leaderUser());
        String html = mvc.perform(get("/campaigns/{id}/cockpit", s.campaign().id()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        // scripts are linked by content hash (/js/cockpit-<md5>.js), see web.FieldSpeedTests
        assertThat(html).contains("data-dashboard=", "echarts.min", "/js/cockpit",
                s.a1().title(), "红灯已持续 26 天").doesNotContain("<script>");
        mvc.perform(get("/campaigns/{id}/cockpit", s.campaign().id()).param("screen", "1").session(session))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("gj-screen")));
        mvc.perform(get("/campaigns/{id}/cockpit", s.campaign().id()).session(Logins.session(mvc, s.c().liaisonAUser())))
                .andExpect(status().isForbidden());
    }

    /**
     * A dashboard costs the same number of SQL statements whatever the number of tasks (counted per thread by the
     * test data source, on H2 and PostgreSQL alike).
     */
    @Test
    void aDashboardCostsAFixedNumberOfStatements() {
        cockpit.dashboard(s.campaign().id(), null, county); // first open refreshes the period figures
        long small = statements(() -> cockpit.dashboard(s.campaign().id(), null, county));
        for (int i = 0; i < 40; i++) {
            fixtures.task(s.campaign(), "追加任务" + i, i % 2 == 0 ? "民生改善" : "生态环保",
                    i % 3 == 0 ? s.c().townshipB() : s.c().villageA(), i % 4 == 0 ? CockpitFixtures.TODAY.minusDays(3) : null);
        }
        fixtures.evaluate(s.campaign().id());
        refresh.refresh(s.campaign().id());
        Dashboard bigger = cockpit.dashboard(s.campaign().id(), null, county);
        long large = statements(() -> cockpit.dashboard(s.campaign().id(), null, county));

        System.out.println("Cockpit dashboard: " + small + " SQL statements at 8 tasks, " + large + " at 48");
        assertThat(bigger.lights().total()).isEqualTo(48);
        // 10 for the figures, 1 for the ranking tile (Rankings.latestPlace): the same at 8 tasks and at 48; on
        // PostgreSQL one more, the custom plan for the figures' read (CockpitStore.figures)
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(12);
    }

    /** Statements this thread prepares during the action (support.StatementCounter wraps the test data source). */
    long statements(Runnable action) {
        var counted = org.gongjian.support.StatementCounter.count(() -> {
            action.run();
            return null;
        });
        return counted.count();
    }

    static Dashboard.Kpi kpi(Dashboard d, String key) {
        return d.kpis().stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow();
    }
}
