package org.gongjian.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Rows of the breakdown: the focus unit itself, or the direct child whose subtree holds a unit. */
class UnitRollUpTests {

    UnitRollUp county = new UnitRollUp(2, "/1/2/", List.of(
            new UnitRollUp.Child(7, "甲镇", "/1/2/7/", true), new UnitRollUp.Child(70, "乙镇", "/1/2/70/", false)));

    @Test
    void aVillageCountsUnderItsTownship() {
        assertThat(county.rowOf("/1/2/7/34/")).isEqualTo(7);
        assertThat(county.rowOf("/1/2/7/34/99/")).isEqualTo(7);
        assertThat(county.rowOf("/1/2/70/")).isEqualTo(70);
    }

    @Test
    void theFocusUnitItselfIsItsOwnRow() {
        assertThat(county.rowOf("/1/2/")).isEqualTo(2);
    }

    @Test
    void aPrefixThatIsNotAPathSegmentDoesNotMatch() {
        // "/1/2/7" is a prefix of "/1/2/70/" as text, but 70 is its own child
        assertThat(county.rowOf("/1/2/70/5/")).isEqualTo(70);
        assertThat(county.rowOf("/1/2/8/")).isEqualTo(2); // unknown child: counted at the focus, never lost
        assertThat(county.rowOf("/9/")).isEqualTo(2);
    }
}
