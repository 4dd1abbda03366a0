package org.gongjian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Stored Chinese reasons read back into their template and rendered in English from the real message bundle. */
class LightReasonTextTests {

    private static LightReasonText text() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new LightReasonText(messages);
    }

    @Test
    void everyTemplateReadsBackItsArguments() {
        for (LightReason reason : LightReason.values()) {
            String stored = reason.text("甲", "乙", "丙", "丁", "戊", "己", "庚", "辛");
            var parsed = LightReason.parse(stored).orElseThrow();
            assertThat(parsed.reason()).as(reason.name()).isEqualTo(reason);
            assertThat(parsed.reason().text(parsed.args().toArray())).isEqualTo(stored);
        }
    }

    @Test
    void theChineseBundleHoldsTheTemplatesAsLightRulesWritesThem() throws Exception {
        java.util.Properties zh = new java.util.Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("messages.properties")) {
            zh.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (LightReason reason : LightReason.values()) {
            assertThat(zh.getProperty("reason." + reason.name())).as(reason.name()).isEqualTo(reason.text());
        }
    }

    @Test
    void everyTemplateHasAnEnglishSentence() {
        LightReasonText text = text();
        for (LightReason reason : LightReason.values()) {
            String stored = reason.text("A1", "B2", "C3", "D4", "E5", "F6", "G7", "H8");
            String english = text.render(stored, Locale.ENGLISH);
            assertThat(english).as(reason.name()).isNotEqualTo(stored).doesNotContain("{").matches("[\\x20-\\x7e\u201c\u201d]+");
        }
    }

    @Test
    void aReasonFromTheRulesRendersInEnglishWithItsNumbers() {
        LightVerdict v = LightRules.evaluate(LightRulesTests.task(List.of(LightRulesTests.onPlan("0", "1000", "500", "400",
                org.gongjian.campaign.Direction.HIGHER_IS_BETTER)), List.of()), ReportingFacts.none(),
                LightRulesTests.DEFAULTS, LightRulesTests.TODAY);
        assertThat(text().render(v.reasons().get(0), Locale.ENGLISH)).isEqualTo("Indicator \u201c新增城镇就业人数\u201d: actual 400人, "
                + "planned 500人 (baseline 0人, target 1000人); 40% of the way to target reached, 50% planned, 10 percentage points behind");
    }

    @Test
    void chineseStaysAsStoredAndUnknownWordingPassesThrough() {
        LightReasonText text = text();
        assertThat(text.render("节点“开工建设”已逾期2天", Locale.SIMPLIFIED_CHINESE)).isEqualTo("节点“开工建设”已逾期2天");
        assertThat(text.render("节点“开工建设”已逾期2天", Locale.ENGLISH)).isEqualTo("Milestone \u201c开工建设\u201d overdue by 2 days");
        assertThat(text.render("指标“改造户数”落后计划轨迹24%", Locale.ENGLISH)).isEqualTo("指标“改造户数”落后计划轨迹24%");
    }

    @Test
    void listSortsByDaysOrSeverityAndGroupsBiggestFirst() {
        LocalDate d = LocalDate.of(2026, 11, 1);
        var a = new LightListController.Entry(1, "甲", 10, "城关镇", "民生", List.of("r1"), d, 30);
        var b = new LightListController.Entry(2, "乙", 11, "河口镇", "民生", List.of("r1", "r2", "r3"), d, 5);
        var c = new LightListController.Entry(3, "丙", 11, "河口镇", "生态", List.of("r1", "r2"), d, 12);
        assertThat(LightListController.sorted(List.of(b, c, a), LightListController.Order.DAYS)).containsExactly(a, c, b);
        assertThat(LightListController.sorted(List.of(a, c, b), LightListController.Order.SEVERITY)).containsExactly(b, c, a);
        var groups = LightListController.groups(LightListController.sorted(List.of(a, b, c), LightListController.Order.DAYS),
                LightListController.Entry::leadUnitName);
        assertThat(groups).extracting(LightListController.Group::name).containsExactly("河口镇", "城关镇");
        assertThat(groups.get(0).entries()).containsExactly(c, b);
        assertThat(groups.get(0).longestDays()).isEqualTo(12);
    }
}
