package org.gongjian;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Boots the default configuration as {@code ./mvnw spring-boot:run} does (embedded H2, demo mode on, no admin
 * configured) into a throw-away in-memory database, so the zero-install path never rots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:gongjian-smoke;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
        // the shipped separate management port (8081), made random so test JVMs never collide
        "management.server.port=0"})
class DefaultConfigurationSmokeTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Autowired
    org.gongjian.audit.AuditLabels labels;

    @Test
    void loadsTheDemoCountyAndServesTheLoginPage() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM unit WHERE kind = 'VILLAGE'").query(Long.class).single()).isEqualTo(300);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM unit WHERE kind = 'TOWNSHIP'").query(Long.class).single()).isEqualTo(12);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM unit WHERE kind = 'DEPARTMENT'").query(Long.class).single()).isEqualTo(30);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single()).isBetween(130L, 170L);
        assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list())
                .contains("admin", "duchashi", "zuzhibu", "lingdao", "zhenzhang", "lianluo", "lianluo2", "ganbu");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task").query(Long.class).single()).isBetween(100L, 160L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge").query(Long.class).single()).isEqualTo(12);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pledge_version WHERE status = 'SIGNED'").query(Long.class).single()).isEqualTo(1);
        // the demo's published 通报 carries the latest published rankings' 红榜/黑榜 (the township group's with the
        // upheld appeal); the demo is laid out around today, in Shanghai, so which month that is depends on the day
        String ranked = org.gongjian.report.ReportingPeriod.displayName(jdbc.sql(
                "SELECT MAX(period) FROM assessment_ranking WHERE status = 'PUBLISHED'").query(String.class).single());
        assertThat(jdbc.sql("SELECT content_json FROM briefing WHERE status = 'PUBLISHED'").query(String.class).single())
                .contains("乡镇（" + ranked + "考核").contains("部门（" + ranked + "考核");
        String page = RestClient.create("http://localhost:" + port).get().uri("/login").retrieve().body(String.class);
        assertThat(page).contains("重点工作攻坚年").contains("name=\"_csrf\"");
        String health = RestClient.create("http://localhost:" + port).get().uri("/readyz").retrieve().body(String.class);
        assertThat(health).contains("UP");
        String managementPort = environment.getProperty("local.management.port");
        assertThat(RestClient.create("http://localhost:" + managementPort).get().uri("/actuator/prometheus").retrieve()
                .body(String.class)).contains("jvm_memory_used_bytes");
    }

    /**
     * The demo writes every module's kind of audit line: on the audit page each object type, action and field name
     * reads in the reader's words, not as the code recorded (审计日志 showed deployment, work_log, talent_request…).
     */
    @Test
    void everyAuditLineTheDemoWroteReadsInChinese() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            java.util.Set<String> unlabelled = new java.util.TreeSet<>();
            jdbc.sql("SELECT DISTINCT entity_type FROM audit_event").query(String.class).list().stream()
                    .filter(type -> labels.entity(type).equals(type)).forEach(type -> unlabelled.add("entity " + type));
            jdbc.sql("SELECT DISTINCT action FROM audit_event").query(String.class).list().stream()
                    .filter(action -> labels.action(action).equals(action)).forEach(action -> unlabelled.add("action " + action));
            tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
            jdbc.sql("SELECT before_state, after_state FROM audit_event").query((rs, n) -> {
                for (String state : new String[] {rs.getString(1), rs.getString(2)}) {
                    if (state != null && state.startsWith("{")) {
                        json.readTree(state).propertyNames().forEach(field -> {
                            if (labels.field(field).equals(field)) {
                                unlabelled.add("field " + field);
                            }
                        });
                    }
                }
                return null;
            }).list();
            assertThat(unlabelled).as("audit.entity.* / audit.action.* or audit.verb.* / audit.field.* messages").isEmpty();
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
