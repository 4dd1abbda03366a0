package org.gongjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gongjian.assessment.ScoreItem.Category;
import org.gongjian.assessment.ScoreItem.SourceType;
import org.junit.jupiter.api.Test;

/** The rectification ledger in a score: −0.5 per measure overdue at the period's end, +0.5 per self-found fix. */
class RectificationScoringTests {

    @Test
    void overdueMeasuresDeductAndSelfFoundFixesAdd() {
        UnitFacts base = ScoringTests.township();
        UnitFacts withLedger = new UnitFacts(base.unitId(), base.unitName(), base.unitPath(), base.tasks(),
                base.reports(), base.milestones(), base.notices(), base.instructions(), base.commendations(),
                List.of(new UnitFacts.ProblemFact(7, 71, true, "整改措施“补齐网格员”整改时限2026-11-10，期末仍未完成"),
                        new UnitFacts.ProblemFact(7, 72, true, "整改措施“建立制度”整改时限2026-11-20，期末仍未完成"),
                        new UnitFacts.ProblemFact(8, 8, false, "自查发现的问题“社工不足”已于2026-11-15整改销号")));
        UnitScore without = Scoring.score(base, Scheme.defaults(), 9);
        UnitScore with = Scoring.score(withLedger, Scheme.defaults(), 9);

        assertThat(with.score().subtract(without.score())).isEqualByComparingTo("-0.5");
        assertThat(with.items()).filteredOn(i -> i.sourceType() == SourceType.MEASURE)
                .hasSize(2).allSatisfy(i -> {
                    assertThat(i.category()).isEqualTo(Category.DEDUCTION);
                    assertThat(i.points()).isEqualByComparingTo("-0.5");
                    assertThat(i.link()).isEqualTo("/problems/7");
                    assertThat(i.explanation()).contains("期末仍未完成");
                });
        assertThat(with.items()).filteredOn(i -> i.sourceType() == SourceType.PROBLEM).singleElement()
                .satisfies(i -> {
                    assertThat(i.category()).isEqualTo(Category.BONUS);
                    assertThat(i.points()).isEqualByComparingTo("0.5");
                });
    }
}
