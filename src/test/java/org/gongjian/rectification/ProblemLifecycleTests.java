package org.gongjian.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.gongjian.rectification.RectificationFixtures.Setup;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The status machine (with reopening), sign-off rights by role and severity, freezing and tamper detection. */
class ProblemLifecycleTests extends IntegrationTest {

    private static final DataScope ALL = DataScope.everything();

    @Autowired
    RectificationFixtures fixtures;
    @Autowired
    ProblemService problems;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aProblemIsFixedSignedOffReopenedAndSignedOffAgainKeepingItsHistory() throws Exception {
        Setup s = fixtures.setup();
        ProblemView p = problems.create(RectificationFixtures.selfInspection(s, Severity.SERIOUS, LocalDate.of(2026, 7, 31)),
                s.liaisonA(), s.scopeA());
        assertThat(p.status()).isEqualTo(ProblemStatus.OPEN);
        assertThat(p.statusLabel()).isEqualTo("未整改");
        long measure = p.measures().get(0).id();

        assertThatThrownBy(() -> problems.signOff(p.id(), null, "已整改", s.office(), ALL))
                .isInstanceOf(Conflict.class).hasMessageContaining("1项整改措施未完成验收");
        assertThatThrownBy(() -> problems.reportProgress(p.id(), measure, "已召开会议", List.of(), s.liaisonA(), s.scopeA()))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("佐证材料");

        long photo = fixtures.photo(s.c().townshipA().id(), 1);
        ProblemView reported = problems.reportProgress(p.id(), measure, "6月召开首次联席会议", List.of(photo),
                s.liaisonA(), s.scopeA());
        assertThat(reported.status()).isEqualTo(ProblemStatus.IN_PROGRESS);
        assertThat(reported.measures().get(0).status()).isEqualTo(MeasureStatus.REPORTED);
        assertThatThrownBy(() -> problems.reportProgress(p.id(), measure, "再报", List.of(photo), s.liaisonA(), s.scopeA()))
                .isInstanceOf(Conflict.class).hasMessageContaining("待验收");

        ProblemView rejected = problems.judge(p.id(), measure, false, "照片看不出会议内容", s.office(), ALL);
        assertThat(rejected.measures().get(0).status()).isEqualTo(MeasureStatus.OPEN);
        problems.reportProgress(p.id(), measure, "补充会议纪要照片", List.of(photo, fixtures.photo(s.c().townshipA().id(), 2)),
                s.liaisonA(), s.scopeA());
        ProblemView accepted = problems.judge(p.id(), measure, true, null, s.office(), ALL);
        assertThat(accepted.measures().get(0).status()).isEqualTo(MeasureStatus.DONE);
        assertThat(accepted.allMeasuresDone()).isTrue();

        assertThatThrownBy(() -> problems.signOff(p.id(), accepted.version(), " ", s.office(), ALL))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> problems.signOff(p.id(), accepted.version() - 1, "已整改", s.office(), ALL))
                .isInstanceOf(Conflict.class).hasMessageContaining("刷新");
        ProblemView signed = problems.signOff(p.id(), accepted.version(), "联席会议制度已建立并运行", s.office(), ALL);
        assertThat(signed.status()).isEqualTo(ProblemStatus.SIGNED_OFF);
        assertThat(signed.signedOffBy()).isEqualTo(s.office().getUsername());

        // frozen
        assertThatThrownBy(() -> problems.addMeasure(p.id(), new MeasureCommand("再加一条", null, "王五",
                LocalDate.of(2026, 9, 1), "x"), s.liaisonA(), s.scopeA())).isInstanceOf(Conflict.class)
                .hasMessageContaining("冻结");
        assertThatThrownBy(() -> problems.reopen(p.id(), null, "", s.office(), ALL)).isInstanceOf(InvalidInput.class);

        ProblemView reopened = problems.reopen(p.id(), null, "联席会议7月起未再召开", s.office(), ALL);
        assertThat(reopened.status()).isEqualTo(ProblemStatus.REOPENED);
        assertThat(reopened.statusLabel()).isEqualTo("已反弹");
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.signedOffBy()).isNull();
        assertThatThrownBy(() -> problems.reopen(p.id(), null, "again", s.office(), ALL)).isInstanceOf(Conflict.class);

        MeasureView second = problems.addMeasure(p.id(), new MeasureCommand("将联席会议纳入季度考核", null, "张书记",
                LocalDate.of(2026, 9, 30), "季度考核表有该项"), s.headA(), s.scopeA());
        problems.reportProgress(p.id(), second.id(), "已修订考核办法", List.of(photo), s.liaisonA(), s.scopeA());
        ProblemView again = problems.judge(p.id(), second.id(), true, "同意", s.office(), ALL);
        assertThat(again.status()).isEqualTo(ProblemStatus.REOPENED); // stays 已反弹 until signed off again
        ProblemView final_ = problems.signOff(p.id(), null, "长效机制已建立", s.office(), ALL);
        assertThat(final_.status()).isEqualTo(ProblemStatus.SIGNED_OFF);
        assertThat(final_.reopenCount()).isEqualTo(1);
        assertThat(final_.steps()).extracting(ProblemView.Step::action)
                .contains("销号", "问题反弹").filteredOn("销号"::equals).hasSize(2);

        ProblemChain.Verification v = problems.verify(s.campaign().id(), ALL);
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(2);
    }

    @Test
    void signOffRightsFollowRoleSourceAndTheCampaignsSeverityThreshold() throws Exception {
        Setup s = fixtures.setup();
        ProblemView minor = readyToSignOff(s, Severity.MINOR);
        ProblemView serious = readyToSignOff(s, Severity.SERIOUS);

        // the liaison never signs off; the head of another township doesn't even see the problem
        assertThatThrownBy(() -> problems.signOff(minor.id(), null, "ok", s.liaisonA(), s.scopeA()))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> problems.signOff(minor.id(), null, "ok", s.headB(), s.scopeB()))
                .isInstanceOf(NotFound.class);
        // the unit head signs off its own 一般 self-inspection problem, not a 较重 one (default threshold 一般)
        assertThatThrownBy(() -> problems.signOff(serious.id(), null, "ok", s.headA(), s.scopeA()))
                .isInstanceOf(Forbidden.class).hasMessageContaining("督查室");
        assertThat(problems.signOff(minor.id(), null, "已整改到位", s.headA(), s.scopeA()).status())
                .isEqualTo(ProblemStatus.SIGNED_OFF);
        // the office raises the threshold: now the head may sign off 较重 too
        assertThatThrownBy(() -> problems.setUnitHeadMax(s.campaign().id(), Severity.SERIOUS, s.headA(), s.scopeA()))
                .isInstanceOf(Forbidden.class);
        problems.setUnitHeadMax(s.campaign().id(), Severity.SERIOUS, s.office(), ALL);
        assertThat(problems.signOff(serious.id(), null, "已整改到位", s.headA(), s.scopeA()).status())
                .isEqualTo(ProblemStatus.SIGNED_OFF);

        // findings from above: recorded by the office only, signed off by the office only
        ProblemCommand supervision = new ProblemCommand(s.campaign().id(), s.c().townshipA().id(),
                ProblemSource.SUPERVISION, "机制", "网格员配备不足", Severity.MINOR, LocalDate.of(2026, 6, 2),
                null, null, List.of(new MeasureCommand("补齐网格员", null, "李主任", LocalDate.of(2026, 8, 1), "每网格1人")));
        assertThatThrownBy(() -> problems.create(supervision, s.liaisonA(), s.scopeA())).isInstanceOf(Forbidden.class);
        ProblemView found = problems.create(supervision, s.office(), ALL);
        long measure = found.measures().get(0).id();
        problems.reportProgress(found.id(), measure, "已招聘", List.of(fixtures.photo(s.c().townshipA().id(), 5)),
                s.liaisonA(), s.scopeA());
        assertThatThrownBy(() -> problems.judge(found.id(), measure, true, null, s.headA(), s.scopeA()))
                .isInstanceOf(Forbidden.class);
        problems.judge(found.id(), measure, true, null, s.office(), ALL);
        assertThatThrownBy(() -> problems.signOff(found.id(), null, "ok", s.headA(), s.scopeA()))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aSignedOffProblemEditedInTheDatabaseBreaksTheChain() throws Exception {
        Setup s = fixtures.setup();
        ProblemView first = readyToSignOff(s, Severity.MINOR);
        ProblemView second = readyToSignOff(s, Severity.MINOR);
        problems.signOff(first.id(), null, "到位", s.office(), ALL);
        problems.signOff(second.id(), null, "到位", s.office(), ALL);
        assertThat(problems.verify(s.campaign().id(), ALL).intact()).isTrue();

        jdbc.sql("UPDATE rectification_measure SET deadline = :d WHERE problem_id = :p")
                .param("d", java.sql.Date.valueOf(LocalDate.of(2026, 12, 31))).param("p", second.id()).update();
        ProblemChain.Verification broken = problems.verify(s.campaign().id(), ALL);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenProblemId()).isEqualTo(second.id());
        assertThat(broken.problem()).contains("销号后被改动");

        jdbc.sql("UPDATE rectification_seal SET content_json = REPLACE(content_json, '到位', '未到位') WHERE problem_id = :p")
                .param("p", first.id()).update();
        ProblemChain.Verification sealBroken = problems.verify(s.campaign().id(), ALL);
        assertThat(sealBroken.brokenProblemId()).isEqualTo(first.id());
        assertThat(sealBroken.problem()).contains("哈希不符");
    }

    private ProblemView readyToSignOff(Setup s, Severity severity) throws Exception {
        ProblemView p = problems.create(RectificationFixtures.selfInspection(s, severity, LocalDate.of(2026, 7, 31)),
                s.liaisonA(), s.scopeA());
        long measure = p.measures().get(0).id();
        problems.reportProgress(p.id(), measure, "已完成", List.of(fixtures.photo(s.c().townshipA().id(), 3)),
                s.liaisonA(), s.scopeA());
        return problems.judge(p.id(), measure, true, null, s.office(), ALL);
    }
}
