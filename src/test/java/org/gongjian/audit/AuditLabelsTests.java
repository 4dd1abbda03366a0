package org.gongjian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The audit page's words, from the real message bundles. */
class AuditLabelsTests {

    private final AuditLabels labels;

    AuditLabelsTests() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        labels = new AuditLabels(messages);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void actionsReadAsEntityAndVerbAndUnknownOnesAsRecorded() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(labels.action("unit.update")).isEqualTo("单位 · 修改");
        assertThat(labels.action("login.success")).isEqualTo("登录 · 成功");
        assertThat(labels.action("campaign.category.add")).isEqualTo("攻坚行动 · 新增领域");
        assertThat(labels.action("gadget.frobnicate")).isEqualTo("gadget.frobnicate");
        assertThat(labels.field("leadUnitName")).isEqualTo("牵头单位");
        assertThat(labels.field("somethingNew")).isEqualTo("somethingNew");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.action("unit.update")).isEqualTo("unit · changed");
        assertThat(labels.field("leadUnitName")).isEqualTo("lead unit name");
    }

    @Test
    void valuesReadAsYesNoLocalTimeAndLabels() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(labels.value("true", shanghai)).isEqualTo("是");
        assertThat(labels.value("2026-12-03T23:05:00Z", shanghai)).isEqualTo("2026-12-04 07:05:00");
        assertThat(labels.value("RED", shanghai)).isEqualTo("红灯");
        assertThat(labels.value("UNHEARD_OF", shanghai)).isEqualTo("UNHEARD_OF");
        assertThat(labels.value("城关镇", shanghai)).isEqualTo("城关镇");
    }
}
