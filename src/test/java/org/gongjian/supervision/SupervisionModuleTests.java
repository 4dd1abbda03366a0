package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.UserService;
import org.gongjian.report.ReportCommand;
import org.gongjian.report.ReportService;
import org.gongjian.report.ReportView;
import org.gongjian.shared.DataScope;
import org.gongjian.support.MutableClock;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.TestClockConfig;
import org.gongjian.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Supervision as a module, started with only the modules it depends on and identity (the users its fixtures need;
 * no notify, pledge, audit or demo): it
 * reacts to the report module's events and publishes its own. Two scenarios through Spring Modulith's
 * {@link Scenario}: an approved report re-lights its task ({@code ReportApproved} → {@link LightChanged}); the daily
 * escalation urges a task red for seven days ({@link NoticeIssued}).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "identity")
@ActiveProfiles("test")
@Import({ TestClockConfig.class, OrgFixtures.class })
class SupervisionModuleTests {

    static final LocalDate DUE = LocalDate.of(2026, 6, 20);

    @Autowired MutableClock clock;
    @Autowired NoticeFixtures fixtures;
    @Autowired LightEvaluation lights;
    @Autowired Escalation escalation;
    @Autowired TaskService tasks;
    @Autowired ReportService reports;
    @Autowired UserService users;
    @Autowired OrgFixtures org;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anApprovedReportThatCompletesTheOverdueMilestoneTurnsTheTaskFromRed(Scenario scenario) {
        NoticeFixtures.Setup s = fixtures.redTask(DUE);
        LocalDate day = DUE.plusDays(3);
        clock.set(NoticeFixtures.morning(day).plusSeconds(3 * 3600));
        lights.evaluateCampaign(s.campaign().id(), day);
        TaskView task = tasks.task(s.task().id(), DataScope.everything());
        assertThat(task.light()).isEqualTo(Light.RED);

        DataScope township = DataScope.of(s.c().townshipA().id(), s.c().townshipA().path());
        DataScope county = DataScope.of(s.c().county().id(), s.c().county().path());
        CurrentUser liaison = users.asCurrentUser(s.c().liaisonAUser()).orElseThrow();
        CurrentUser office = users.asCurrentUser(s.supervisor()).orElseThrow();
        ReportView report = reports.start(task.id(), new ReportCommand("2026-06", List.of(), "招标已完成", null, null,
                List.of(new ReportView.MilestoneDone(task.milestones().get(0).id(), DUE.plusDays(2)))), liaison, township);
        reports.submit(report.id(), null, liaison, township);

        scenario.stimulate(() -> reports.approve(report.id(), null, office, county))
                .andWaitForEventOfType(LightChanged.class)
                // the test's own events count too (the first evaluation lit it red): wait for the change away from red
                .matching(changed -> changed.taskId() == task.id() && changed.from() == Light.RED)
                .toArriveAndVerify(changed -> {
                    assertThat(changed.to()).isIn(Light.GREEN, Light.DONE);
                    assertThat(changed.reasons()).isNotEmpty();
                    assertThat(changed.leadUnitId()).isEqualTo(s.c().townshipA().id());
                    assertThat(tasks.task(task.id(), DataScope.everything()).light()).isEqualTo(changed.to());
                });
    }

    @Test
    void theDailyEscalationUrgesATaskRedForSevenDays(Scenario scenario) {
        NoticeFixtures.Setup s = fixtures.redTask(DUE);
        LocalDate redFrom = DUE.plusDays(1);
        for (LocalDate d = DUE; !d.isAfter(redFrom.plusDays(6)); d = d.plusDays(1)) {
            clock.set(NoticeFixtures.morning(d));
            lights.evaluateCampaign(s.campaign().id(), d);
        }
        LocalDate seventh = redFrom.plusDays(7);
        clock.set(NoticeFixtures.morning(seventh));
        lights.evaluateCampaign(s.campaign().id(), seventh);

        scenario.stimulate(() -> escalation.run(seventh))
                .andWaitForEventOfType(NoticeIssued.class)
                .matching(notice -> notice.taskId() == s.task().id())
                .toArriveAndVerify(notice -> {
                    assertThat(notice.level()).isEqualTo(NoticeLevel.URGE);
                    assertThat(notice.origin()).isEqualTo(NoticeOrigin.AUTO);
                    assertThat(notice.unitId()).isEqualTo(s.c().townshipA().id());
                    assertThat(notice.responseDue()).isEqualTo(seventh.plusDays(NoticeService.RESPONSE_DAYS));
                    assertThat(notice.requirement()).startsWith("该任务已连续红灯7天");
                });
    }

}
