package org.gongjian.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Eligibility explains each criterion, met or not. */
class EligibilityTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final Eligibility.Criteria HOUSING = new Eligibility.Criteria(Set.of("A", "B", "C"), Set.of(),
            Degree.DOCTOR, 3);

    @Test
    void aReturnedPhdIntroducedLastYearQualifiesForTheHousingSubsidy() {
        var result = Eligibility.check(HOUSING, new Eligibility.Facts("B", "新材料", Degree.DOCTOR,
                LocalDate.of(2025, 9, 1)), TODAY);
        assertThat(result.eligible()).isTrue();
        assertThat(result.summary()).isEqualTo("✓ 人才层次“B”属于政策范围（A、B、C）；✓ 产业领域不限（新材料）；"
                + "✓ 学历博士，达到要求的博士；✓ 引进于2025-09-01，满0年，在政策规定的3年内");
    }

    @Test
    void aMasterIsTurnedAwayWithTheReason() {
        var result = Eligibility.check(HOUSING, new Eligibility.Facts("B", "新材料", Degree.MASTER,
                LocalDate.of(2025, 9, 1)), TODAY);
        assertThat(result.eligible()).isFalse();
        assertThat(result.lines()).filteredOn(l -> !l.met()).extracting(Eligibility.Line::text)
                .containsExactly("学历硕士，低于要求的博士");
    }

    @Test
    void everyFailedCriterionIsNamed() {
        var criteria = new Eligibility.Criteria(Set.of("A"), Set.of("生物医药"), Degree.MASTER, 3);
        var result = Eligibility.check(criteria, new Eligibility.Facts("D", "装备制造", Degree.BACHELOR,
                LocalDate.of(2023, 6, 15)), TODAY);
        assertThat(result.eligible()).isFalse();
        assertThat(result.lines()).filteredOn(l -> !l.met()).extracting(Eligibility.Line::text).containsExactly(
                "人才层次“D”不属于政策范围（A）", "产业领域“装备制造”不属于政策范围（生物医药）", "学历本科，低于要求的硕士",
                "引进于2023-06-15，满3年，超出政策规定的3年内");
    }

    @Test
    void openCriteriaPassAndSaySo() {
        var result = Eligibility.check(new Eligibility.Criteria(Set.of(), Set.of(), null, null),
                new Eligibility.Facts("D", "文旅", Degree.COLLEGE, LocalDate.of(2020, 1, 1)), TODAY);
        assertThat(result.eligible()).isTrue();
        assertThat(result.lines()).extracting(Eligibility.Line::text).containsExactly("人才层次不限（D）", "产业领域不限（文旅）",
                "学历不限（大专）", "引进年限不限（已引进6年）");
    }
}
