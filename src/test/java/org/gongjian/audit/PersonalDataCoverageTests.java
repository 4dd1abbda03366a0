package org.gongjian.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.gongjian.shared.PersonalDataRead;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.Logins;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.OrgFixtures.County;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every mapping that shows personal data carries {@link PersonalDataRead}: the reads the issue names (people, users,
 * evidence download, task export, pledge PDF, audit log …) by name, and any GET whose path says export, PDF, file,
 * people, users, cadres or talents by rule — and every annotated mapping, called, leaves its line in audit_read.
 */
class PersonalDataCoverageTests extends IntegrationTest {

    /** method + pattern of the reads that must be audited, whatever their path looks like. */
    static final Set<String> MUST = Set.of(
            "GET /people", "GET /api/v1/people", "GET /api/v1/people/{id}", "GET /units/{id}",
            "GET /users", "GET /api/v1/users", "GET /api/v1/users/{id}",
            "GET /evidence/{id}/file", "GET /api/v1/evidence/{id}/file",
            "GET /campaigns/{campaignId}/tasks/export.xlsx", "GET /api/v1/campaigns/{campaignId}/tasks/export",
            "GET /pledges/{id}/pdf", "GET /api/v1/pledges/{id}/pdf",
            "GET /audit", "GET /api/v1/audit", "GET /audit/reads", "GET /api/v1/audit/export.jsonl",
            "GET /cadres", "GET /cadres/{personId}/record", "GET /api/v1/cadres/{personId}/record",
            "GET /talent/{id}", "GET /api/v1/talents/{id}", "POST /talent/{id}/personal-data",
            "POST /api/v1/talents/{id}/personal-data", "GET /api/v1/work-logs/{id}");

    /** A GET whose path matches this shows or hands out people's data. */
    static final Pattern PERSONAL = Pattern.compile(
            "(?i).*(export|\\.pdf|/pdf|\\.docx|\\.xlsx|/file$|/people|/users|/cadres|/talents?(/|$)|/audit).*");

    /**
     * Matched by the rule but without personal data: blank templates, the user form, the talent registry's own
     * import/template pages and its statistics.
     */
    static final Set<String> NOT_PERSONAL = Set.of(
            "GET /users/new", "GET /talent/template", "GET /api/v1/talents/template", "GET /talent/dashboard",
            "GET /talent/policies", "GET /talent/holidays", "GET /talent/requests", "GET /talent/requests/{id}",
            "GET /deployments/template.xlsx", "GET /api/v1/deployments/template", "GET /org/import/template.xlsx",
            "GET /campaigns/{campaignId}/tasks/template.xlsx", "GET /api/v1/campaigns/{campaignId}/tasks/template",
            "GET /campaigns/{campaignId}/reports/template", "GET /api/v1/campaigns/{campaignId}/reports/template",
            "GET /campaigns/{campaignId}/reports/template.xlsx", "GET /api/v1/campaigns/{id}/reports/template");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyReadOfPersonalDataIsAnnotated() {
        Set<String> annotated = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            boolean marked = e.getValue().hasMethodAnnotation(PersonalDataRead.class);
            for (String endpoint : endpoints(e.getKey())) {
                all.add(endpoint);
                if (marked) {
                    annotated.add(endpoint);
                } else if (MUST.contains(endpoint) || endpoint.startsWith("GET ")
                        && PERSONAL.matcher(endpoint.substring(4)).matches() && !NOT_PERSONAL.contains(endpoint)) {
                    missing.add(endpoint);
                }
            }
        }
        assertThat(all).as("every listed read exists").containsAll(MUST);
        assertThat(annotated).containsAll(MUST);
        assertThat(missing).as("personal-data reads without @PersonalDataRead").isEmpty();
    }

    @Test
    void everyAnnotatedMappingWritesALine() throws Exception {
        County c = fixtures.county();
        String admin = c.adminUser();
        String token = Logins.token(mvc, admin);
        MockHttpSession session = Logins.session(mvc, admin);
        List<String> silent = new ArrayList<>();
        int called = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            PersonalDataRead read = e.getValue().getMethodAnnotation(PersonalDataRead.class);
            if (read == null) {
                continue;
            }
            for (String endpoint : endpoints(e.getKey())) {
                String method = endpoint.substring(0, endpoint.indexOf(' '));
                String path = endpoint.substring(method.length() + 1).replaceAll("\\{period}", "2026-06")
                        .replaceAll("\\{[^}]+}", "987654321");
                long before = lines(read.value(), path);
                MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(method), path);
                call = path.startsWith("/api/") ? call.header("Authorization", token) : call.session(session);
                if (!method.equals("GET")) {
                    call = call.with(csrf()).param("reason", "覆盖测试");
                }
                mvc.perform(call);
                called++;
                if (lines(read.value(), path) != before + 1) {
                    silent.add(endpoint);
                }
            }
        }
        assertThat(called).isGreaterThanOrEqualTo(MUST.size());
        assertThat(silent).as("annotated mappings that left no line").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT actor) FROM audit_read WHERE path LIKE '%987654321%' AND actor = :a")
                .param("a", admin).query(Long.class).single()).isOne();
    }

    private long lines(String what, String path) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_read WHERE what = :what AND path LIKE :path")
                .param("what", what).param("path", path + "%").query(Long.class).single();
    }

    private static List<String> endpoints(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> out = new ArrayList<>();
        for (String pattern : info.getPatternValues()) {
            for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                out.add(m.name() + " " + pattern);
            }
        }
        return out;
    }
}
