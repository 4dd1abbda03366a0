package org.gongjian.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.UserService;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Who still owes what: the liaison's to-do list and the office's per-unit view of a period. */
class ReportDeskTests extends IntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired ReportFixtures fixtures;
    @Autowired ReportService reports;
    @Autowired ReportDesk desk;
    @Autowired UserService users;

    @Test
    void missingLateAndOnTimeReportsArePerUnitAndPerPeriod() throws Exception {
        ReportFixtures.Setup s = fixtures.county(ReportingFrequency.MONTHLY, false);
        TaskView second = fixtures.task(s.campaign(), s.county().townshipA(), "第二项" + s.county().tag());
        TaskView other = fixtures.task(s.campaign(), s.county().townshipB(), "乙镇任务" + s.county().tag());
        var liaison = users.asCurrentUser(s.liaison()).orElseThrow();
        DataScope a = DataScope.of(s.county().townshipA().id(), s.county().townshipA().path());
        // May: the first task on time (4 June), the second late (7 June); 乙镇 never.
        clock.set(Instant.parse("2026-06-04T02:00:00Z"));
        ReportView onTime = reports.start(s.task().id(), new ReportCommand("2026-05", null, "五月", null, null, null), liaison, a);
        reports.submit(onTime.id(), null, liaison, a);
        clock.set(Instant.parse("2026-06-07T02:00:00Z"));
        ReportView late = reports.start(second.id(), new ReportCommand("2026-05", null, "五月", null, null, null), liaison, a);
        reports.submit(late.id(), null, liaison, a);

        ReportingPeriod may = ReportingPeriod.parse("2026-05", s.campaign());
        List<ReportDesk.UnitReporting> units = desk.byUnit(s.campaign().id(), may,
                DataScope.of(s.county().county().id(), s.county().county().path()));
        assertThat(units).extracting(ReportDesk.UnitReporting::unitName, ReportDesk.UnitReporting::expected,
                        ReportDesk.UnitReporting::onTime, ReportDesk.UnitReporting::late, ReportDesk.UnitReporting::notIn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(s.county().townshipB().name(), 1, 0, 0, 1),
                        org.assertj.core.groups.Tuple.tuple(s.county().townshipA().name(), 2, 1, 1, 0));
        // A township sees only itself.
        assertThat(desk.byUnit(s.campaign().id(), may, a)).extracting(ReportDesk.UnitReporting::unitId)
                .containsExactly(s.county().townshipA().id());

        // On 28 June: May is done for 甲镇, April was never reported (overdue, listed first), June is due this week.
        clock.set(Instant.parse("2026-06-28T02:00:00Z"));
        assertThat(desk.todo(a)).extracting(t -> t.task().id() + " " + t.period().label() + " " + t.kind())
                .containsExactly(s.task().id() + " 2026-04 LATE", second.id() + " 2026-04 LATE",
                        s.task().id() + " 2026-06 DUE", second.id() + " 2026-06 DUE");
        DataScope b = DataScope.of(s.county().townshipB().id(), s.county().townshipB().path());
        assertThat(desk.todo(b)).extracting(t -> t.task().id() + " " + t.period().label() + " " + t.kind())
                .contains(other.id() + " 2026-05 LATE", other.id() + " 2026-06 DUE");
        // The pages say so too.
        mvc.perform(get("/campaigns/" + s.campaign().id() + "/reporting").param("period", "2026-05")
                        .session(Logins.session(mvc, s.office())))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(s.county().townshipB().name())));
        mvc.perform(get("/reports").session(Logins.session(mvc, s.otherLiaison())))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("已逾期未报")));
    }
}
