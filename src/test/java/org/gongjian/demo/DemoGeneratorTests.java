package org.gongjian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.gongjian.org.UnitKind;
import org.junit.jupiter.api.Test;

class DemoGeneratorTests {

    @Test
    void sameSeedGivesTheSameCounty() {
        assertThat(DemoGenerator.generate(7, DemoScale.COUNTY)).isEqualTo(DemoGenerator.generate(7, DemoScale.COUNTY));
        assertThat(DemoGenerator.generate(7, DemoScale.COUNTY)).isNotEqualTo(DemoGenerator.generate(8, DemoScale.COUNTY));
    }

    @Test
    void countyScaleMatchesARealCounty() {
        DemoPlan plan = DemoGenerator.generate(20260101, DemoScale.COUNTY);
        assertThat(count(plan, UnitKind.TOWNSHIP)).isEqualTo(12);
        assertThat(count(plan, UnitKind.DEPARTMENT)).isEqualTo(30);
        assertThat(count(plan, UnitKind.VILLAGE)).isEqualTo(300);
        assertThat(count(plan, UnitKind.DISTRICT)).isEqualTo(36);
        assertThat(plan.people()).hasSizeBetween(130, 170);
        assertThat(plan.users()).extracting(DemoPlan.User::username)
                .contains("admin", "duchashi", "zuzhibu", "lingdao", "zhenzhang", "lianluo", "lianluo2", "ganbu");
    }

    @Test
    void everyParentComesBeforeItsChildrenAndCodesAreUnique() {
        DemoPlan plan = DemoGenerator.generate(1, DemoScale.CITY);
        Set<String> seen = new HashSet<>();
        for (DemoPlan.Unit unit : plan.units()) {
            assertThat(unit.parentCode() == null || seen.contains(unit.parentCode())).as(unit.code()).isTrue();
            assertThat(seen.add(unit.code())).as("duplicate " + unit.code()).isTrue();
        }
        assertThat(count(plan, UnitKind.COUNTY)).isEqualTo(10);
    }

    @Test
    void cadreNamesAreUniqueWithinACounty() {
        DemoPlan plan = DemoGenerator.generate(3, DemoScale.COUNTY);
        assertThat(plan.people().stream().map(DemoPlan.Person::name).distinct().count()).isEqualTo(plan.people().size());
    }

    private static long count(DemoPlan plan, UnitKind kind) {
        return plan.units().stream().filter(u -> u.kind() == kind).count();
    }
}
