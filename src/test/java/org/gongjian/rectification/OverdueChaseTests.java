package org.gongjian.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.rectification.RectificationFixtures.Setup;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.supervision.Escalation;
import org.gongjian.supervision.NoticeLevel;
import org.gongjian.supervision.NoticeService;
import org.gongjian.supervision.NoticeView;
import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Overdue → red with reasons → an automatic 催办 (once) → up the existing notice ladder when left unanswered. */
class OverdueChaseTests extends IntegrationTest {

    private static final DataScope ALL = DataScope.everything();

    @Autowired
    RectificationFixtures fixtures;
    @Autowired
    ProblemService problems;
    @Autowired
    RectificationChase chase;
    @Autowired
    NoticeService notices;
    @Autowired
    Escalation escalation;

    @Test
    void anOverdueMeasureLightsTheProblemRedAndChasesItselfUpTheLadder() throws Exception {
        Setup s = fixtures.setup(); // the clock stands at 2026-06-15
        ProblemView late = problems.create(RectificationFixtures.selfInspection(s, Severity.MINOR, LocalDate.of(2026, 6, 10)),
                s.liaisonA(), s.scopeA());
        ProblemView onTime = problems.create(RectificationFixtures.selfInspection(s, Severity.MINOR, LocalDate.of(2026, 6, 30)),
                s.liaisonA(), s.scopeA());
        assertThat(late.red()).isTrue();
        assertThat(late.redReasons()).singleElement().asString()
                .contains("整改时限2026-06-10已过5天", "尚未报送完成情况", "张书记");
        assertThat(onTime.red()).isFalse();
        assertThat(problems.problems(new ProblemService.Filter(s.campaign().id(), null, null, null, true), ALL,
                new PageQuery(0, 50)).items()).extracting(ProblemView::id).containsExactly(late.id());
        assertThat(problems.countsByUnit(s.campaign().id(), ALL)).singleElement()
                .satisfies(c -> {
                    assertThat(c.total()).isEqualTo(2);
                    assertThat(c.overdue()).isEqualTo(1);
                });

        LocalDate today = LocalDate.of(2026, 6, 15);
        assertThat(chase.run(today)).isEqualTo(1);
        assertThat(chase.run(today)).isZero(); // once per measure and deadline
        ProblemView chased = problems.problem(late.id(), ALL);
        assertThat(chased.chases()).hasSize(1);
        NoticeView urge = notices.notice(chased.chases().get(0).noticeId(), ALL);
        assertThat(urge.level()).isEqualTo(NoticeLevel.URGE);
        assertThat(urge.unitId()).isEqualTo(s.c().townshipA().id());
        assertThat(urge.taskId()).isEqualTo(s.task().id());
        assertThat(urge.requirement()).contains("建立社区大党委联席会议制度", "已过5天");

        // nobody answers the 催办 by its date: the existing ladder makes it a 督办 to the lead leader
        escalation.run(urge.responseDue().plusDays(1));
        List<NoticeView> onTask = notices.ofTask(s.task().id(), ALL);
        assertThat(onTask).extracting(NoticeView::level).contains(NoticeLevel.SUPERVISE);

        // progress reported: no longer unanswered, no new chase; accepted: no longer red
        long measure = chased.measures().get(0).id();
        problems.reportProgress(late.id(), measure, "已建立制度", List.of(fixtures.photo(s.c().townshipA().id(), 9)),
                s.liaisonA(), s.scopeA());
        assertThat(chase.run(today.plusDays(1))).isZero();
        assertThat(problems.judge(late.id(), measure, true, null, s.office(), ALL).red()).isFalse();
    }
}
