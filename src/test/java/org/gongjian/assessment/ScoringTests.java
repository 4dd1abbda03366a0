package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.assessment.ScoreItem.Category;
import org.gongjian.assessment.UnitFacts.CommendationFact;
import org.gongjian.assessment.UnitFacts.InstructionFact;
import org.gongjian.assessment.UnitFacts.MilestoneFact;
import org.gongjian.assessment.UnitFacts.NoticeFact;
import org.gongjian.assessment.UnitFacts.ReportFact;
import org.gongjian.assessment.UnitFacts.Reporting;
import org.gongjian.assessment.UnitFacts.TaskFact;
import org.gongjian.shared.NotFound;
import org.gongjian.supervision.NoticeLevel;
import org.junit.jupiter.api.Test;

/** Scores computed by hand (defaults 60/20/20, 催办 −1, 督办 −2, late −0.5, missing −1, 批示 −1, 表扬 +2). */
class ScoringTests {

    static final Scheme DEFAULTS = Scheme.defaults();
    static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    /**
     * completion: T1 (weight 2) 50 % of 50 % planned → rate 1; T2 (weight 1) 20 % of 40 % → rate 0.5:
     * 60 × 2/3 × 1 + 60 × 1/3 × 0.5 = 40 + 10 = 50.
     * timeliness: 2 reports + 2 milestones due, 5 points each; T1 on time, M1 on time → 10.
     * quality: 2 approved reports, 10 each: T1 优 100 → 10; T2 unrated = 良 80, returned once −10 → 70 → 7; = 17.
     * bonus +2 (表扬); deductions: 催办 −1, 督办 −2 (提醒 0, no item), T2 late −0.5, one open 批示 −1 = −4.5.
     * total 50 + 10 + 17 + 2 − 4.5 = 74.5.
     */
    static UnitFacts township() {
        return new UnitFacts(1, "甲镇", "/1/2/",
                List.of(new TaskFact(11, "污水管网", bd("2"), bd("50"), bd("50")),
                        new TaskFact(12, "道路硬化", bd("1"), bd("40"), bd("20"))),
                List.of(new ReportFact(11, "污水管网", 101L, Reporting.ON_TIME, 101L, Grade.EXCELLENT, 0),
                        new ReportFact(12, "道路硬化", 102L, Reporting.LATE, 102L, null, 1)),
                List.of(new MilestoneFact(21, 11, "完成招标", NOV.plusDays(19), NOV.plusDays(17)),
                        new MilestoneFact(22, 12, "开工", NOV.plusDays(24), null)),
                List.of(new NoticeFact(31, "道路硬化", NoticeLevel.URGE, NOV.plusDays(3)),
                        new NoticeFact(32, "道路硬化", NoticeLevel.SUPERVISE, NOV.plusDays(12)),
                        new NoticeFact(33, "污水管网", NoticeLevel.REMIND, NOV.plusDays(1))),
                List.of(new InstructionFact(41, 12, "道路硬化", NOV.plusDays(2))),
                List.of(new CommendationFact(51, "防汛抢险表现突出", "县长")));
    }

    @Test
    void handComputedScoreWithEveryKindOfItem() {
        UnitScore s = Scoring.score(township(), DEFAULTS, 9);
        assertThat(s.completion()).isEqualByComparingTo("50");
        assertThat(s.timeliness()).isEqualByComparingTo("10");
        assertThat(s.quality()).isEqualByComparingTo("17");
        assertThat(s.bonus()).isEqualByComparingTo("2");
        assertThat(s.deduction()).isEqualByComparingTo("-4.5");
        assertThat(s.score()).isEqualByComparingTo("74.5");
        // every point has its cause: the sum of the items is the score
        assertThat(s.items().stream().map(ScoreItem::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("74.5");
        assertThat(s.items()).filteredOn(i -> i.category() == Category.DEDUCTION)
                .extracting(ScoreItem::sourceType, ScoreItem::sourceId, ScoreItem::link)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ScoreItem.SourceType.NOTICE, 31L, "/supervision/notices/31"),
                        org.assertj.core.groups.Tuple.tuple(ScoreItem.SourceType.NOTICE, 32L, "/supervision/notices/32"),
                        org.assertj.core.groups.Tuple.tuple(ScoreItem.SourceType.REPORT, 102L, "/reports/102"),
                        org.assertj.core.groups.Tuple.tuple(ScoreItem.SourceType.INSTRUCTION, 41L, "/tasks/12"));
        assertThat(s.items()).anySatisfy(i -> assertThat(i.explanation()).contains("未评级按良计").contains("被退回1次扣10分"));
        assertThat(s.items()).anySatisfy(i -> assertThat(i.explanation()).contains("被督办"));
    }

    /** 1 task 25 % of 50 % planned → 30; its report missing: timeliness 0 of 20, no approved report → quality 0, −1. */
    @Test
    void aUnitWithNoReportsLosesTimelinessAndQualityAndIsDeducted() {
        UnitFacts facts = new UnitFacts(2, "乙镇", "/1/3/", List.of(new TaskFact(13, "危房改造", bd("1"), bd("50"), bd("25"))),
                List.of(new ReportFact(13, "危房改造", null, Reporting.MISSING, null, null, 0)),
                List.of(), List.of(), List.of(), List.of());
        UnitScore s = Scoring.score(facts, DEFAULTS, 9);
        assertThat(s.completion()).isEqualByComparingTo("30");
        assertThat(s.timeliness()).isEqualByComparingTo("0");
        assertThat(s.quality()).isEqualByComparingTo("0");
        assertThat(s.deduction()).isEqualByComparingTo("-1");
        assertThat(s.score()).isEqualByComparingTo("29");
        assertThat(s.items()).anySatisfy(i -> assertThat(i.explanation()).contains("没有审核通过的报告"));
    }

    /** Nothing due in the period: full timeliness; a task ahead of plan is capped at rate 1; nothing planned counts as on plan. */
    @Test
    void nothingDueGivesFullTimelinessAndRatesAreCapped() {
        UnitFacts facts = new UnitFacts(3, "丙镇", "/1/4/", List.of(new TaskFact(14, "A", bd("1"), bd("30"), bd("90")),
                new TaskFact(15, "B", bd("1"), bd("0"), bd("0"))), List.of(), List.of(), List.of(), List.of(), List.of());
        UnitScore s = Scoring.score(facts, DEFAULTS, 9);
        assertThat(s.completion()).isEqualByComparingTo("60");
        assertThat(s.timeliness()).isEqualByComparingTo("20");
        assertThat(s.score()).isEqualByComparingTo("80");
    }

    /** Three items share 20 points: 6.6667 each, still 20.00 in total. */
    @Test
    void thirdsRoundToTheWholePart() {
        UnitFacts facts = new UnitFacts(4, "丁镇", "/1/5/", List.of(),
                List.of(new ReportFact(1, "a", 1L, Reporting.ON_TIME, 1L, Grade.EXCELLENT, 0),
                        new ReportFact(2, "b", 2L, Reporting.ON_TIME, 2L, Grade.EXCELLENT, 0),
                        new ReportFact(3, "c", 3L, Reporting.ON_TIME, 3L, Grade.EXCELLENT, 0)),
                List.of(), List.of(), List.of(), List.of());
        UnitScore s = Scoring.score(facts, DEFAULTS, 9);
        assertThat(s.timeliness()).isEqualByComparingTo("20");
        assertThat(s.quality()).isEqualByComparingTo("20");
        assertThat(s.score()).isEqualByComparingTo("40");
    }

    @Test
    void weightsAndPointsComeFromTheScheme() {
        Scheme scheme = new Scheme(bd("50"), bd("30"), bd("20"), bd("0"), bd("-3"), bd("-2"), bd("-3"), bd("-5"),
                bd("-2"), bd("-1"), bd("-1"), bd("5"), bd("20"), 5);
        UnitScore s = Scoring.score(township(), scheme, 9);
        // completion 50 × (2/3 + 1/6) = 41.6667; timeliness 30/4 × 2 = 15; quality 10 + 10 × 60/100 = 16
        // bonus 5; deductions −3 −2 −2 −1 = −8 → 69.67
        assertThat(s.completion()).isEqualByComparingTo("41.67");
        assertThat(s.timeliness()).isEqualByComparingTo("15");
        assertThat(s.quality()).isEqualByComparingTo("16");
        assertThat(s.score()).isEqualByComparingTo("69.67");
    }

    static UnitScore scored(long id, String name, String score) {
        return new UnitScore(id, name, "/" + id + "/", bd(score), 0, bd(score), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, List.of());
    }

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        List<UnitScore> ranked = Ranks.assign(List.of(scored(1, "甲", "85"), scored(2, "乙", "90"),
                scored(3, "丙", "85"), scored(4, "丁", "70"), scored(5, "戊", "70.00")));
        assertThat(ranked).extracting(UnitScore::unitName, UnitScore::rank).containsExactly(
                org.assertj.core.groups.Tuple.tuple("乙", 1), org.assertj.core.groups.Tuple.tuple("丙", 2),
                org.assertj.core.groups.Tuple.tuple("甲", 2), org.assertj.core.groups.Tuple.tuple("丁", 4),
                org.assertj.core.groups.Tuple.tuple("戊", 4));
    }

    /** 甲镇 74.5 and 乙镇 75: upholding 甲's appeal against the 督办 (−2) makes it 76.5 and first. */
    @Test
    void anUpheldAppealWaivesTheItemAndReranks() {
        UnitScore a = Scoring.score(township(), DEFAULTS, 9);
        UnitScore b = UnitScore.of(2, "乙镇", "/1/3/", List.of(new ScoreItem(Category.COMPLETION, ScoreItem.SourceType.TASK,
                99, "/tasks/99", bd("75.0000"), "x", false)));
        List<UnitScore> before = Ranks.assign(List.of(a, b));
        assertThat(before).extracting(UnitScore::unitName).containsExactly("乙镇", "甲镇");

        List<UnitScore> after = Correction.waive(before, 1, "DEDUCTION:NOTICE:32", "督办系上级误发");
        assertThat(after).extracting(UnitScore::unitName, UnitScore::score, UnitScore::rank).containsExactly(
                org.assertj.core.groups.Tuple.tuple("甲镇", bd("76.50"), 1),
                org.assertj.core.groups.Tuple.tuple("乙镇", bd("75.00"), 2));
        ScoreItem waived = after.get(0).items().stream().filter(ScoreItem::waived).findFirst().orElseThrow();
        assertThat(waived.points()).isEqualByComparingTo("0");
        assertThat(waived.explanation()).contains("申诉成立").contains("督办系上级误发");
        // waiving it twice finds nothing left to waive
        assertThatThrownBy(() -> Correction.waive(after, 1, "DEDUCTION:NOTICE:32", "again")).isInstanceOf(NotFound.class);
    }
}
