package org.gongjian.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.org.UnitKind.CITY;
import static org.gongjian.org.UnitKind.COUNTY;
import static org.gongjian.org.UnitKind.DEPARTMENT;
import static org.gongjian.org.UnitKind.DISTRICT;
import static org.gongjian.org.UnitKind.PROVINCE;
import static org.gongjian.org.UnitKind.TOWNSHIP;
import static org.gongjian.org.UnitKind.VILLAGE;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The placement matrix of the unit tree and how kinds typed in an import sheet are read. */
class UnitKindTests {

    /** Which parents each kind may hang under; everything not listed is refused. */
    private static final Map<UnitKind, Set<UnitKind>> ALLOWED = Map.of(
            PROVINCE, EnumSet.noneOf(UnitKind.class),
            CITY, EnumSet.of(PROVINCE),
            COUNTY, EnumSet.of(CITY),
            TOWNSHIP, EnumSet.of(COUNTY),
            DISTRICT, EnumSet.of(TOWNSHIP),
            VILLAGE, EnumSet.of(TOWNSHIP, DISTRICT),
            DEPARTMENT, EnumSet.of(PROVINCE, CITY, COUNTY));

    @Test
    void placementMatrixAllowsExactlyTheListedParents() {
        assertThat(ALLOWED).containsOnlyKeys(UnitKind.values());
        for (UnitKind child : UnitKind.values()) {
            for (UnitKind parent : UnitKind.values()) {
                assertThat(child.mayHangUnder(parent))
                        .as("%s under %s", child, parent)
                        .isEqualTo(ALLOWED.get(child).contains(parent));
            }
        }
    }

    @Test
    void nothingHangsUnderAVillageOrADepartment() {
        for (UnitKind child : UnitKind.values()) {
            assertThat(child.mayHangUnder(VILLAGE)).as("%s under village", child).isFalse();
            assertThat(child.mayHangUnder(DEPARTMENT)).as("%s under department", child).isFalse();
        }
    }

    @Test
    void onlyProvinceCityAndCountyMayStartATree() {
        assertThat(EnumSet.allOf(UnitKind.class).stream().filter(UnitKind::mayBeRoot))
                .containsExactlyInAnyOrder(PROVINCE, CITY, COUNTY);
    }

    @Test
    void parsesEveryLabelAndEveryConstantName() {
        for (UnitKind kind : UnitKind.values()) {
            assertThat(UnitKind.parse(kind.label())).contains(kind);
            assertThat(UnitKind.parse(kind.name())).contains(kind);
            assertThat(UnitKind.parse(kind.name().toLowerCase())).contains(kind);
            assertThat(UnitKind.parse("  " + kind.label() + " ")).contains(kind);
        }
    }

    @ParameterizedTest
    @CsvSource({"县, COUNTY", "区, COUNTY", "县级市, COUNTY", "县区, COUNTY", "乡, TOWNSHIP", "镇, TOWNSHIP",
            "乡镇, TOWNSHIP", "街道, TOWNSHIP", "村, VILLAGE", "社区, VILLAGE", "地级市, CITY", "自治区, PROVINCE",
            "直辖市, PROVINCE", "管区, DISTRICT", "部门, DEPARTMENT", "省, PROVINCE", "市, CITY"})
    void parsesShortChineseForms(String text, UnitKind expected) {
        assertThat(UnitKind.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"村（社区）, VILLAGE", "乡镇（街道）, TOWNSHIP", "县（市、区）, COUNTY"})
    void parsesLabelsTypedWithFullWidthBrackets(String text, UnitKind expected) {
        assertThat(UnitKind.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "怪物", "村委会", "town", "乡镇(街道", "VILLAGES"})
    void rejectsUnknownText(String text) {
        assertThat(UnitKind.parse(text)).isEmpty();
    }
}
