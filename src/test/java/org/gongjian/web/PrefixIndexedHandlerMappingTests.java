package org.gongjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The prefix-indexed handler lookup picks exactly what Spring's plain lookup picks: for a path made from every
 * pattern of the application (variables filled in), under every method, and for paths no pattern has, both give
 * the same handler or the same refusal (404 as no handler, 405, 415).
 */
class PrefixIndexedHandlerMappingTests extends IntegrationTest {

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    @Test
    void everyPathOfTheApplicationFindsTheSameHandlerAsSpringsOwnLookup() {
        assertThat(mapping).isInstanceOf(PrefixIndexedHandlerMapping.class);
        PrefixIndexedHandlerMapping indexed = (PrefixIndexedHandlerMapping) mapping;
        Set<String> paths = new TreeSet<>(List.of("/api/v1/nothing/1", "/api/v1/reports/1/submit/more", "/api/v1/reports/",
                "/api/v1/repo%72ts/1", "/api/v1/reports/1;x=1/submit", "/", "/nothing", "/api/v1//reports/1"));
        mapping.getHandlerMethods().keySet().forEach(info -> {
            if (info.getPathPatternsCondition() != null) {
                info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                        .map(PrefixIndexedHandlerMappingTests::sample).forEach(paths::add);
            }
        });
        assertThat(paths).hasSizeGreaterThan(200);
        List<String> differences = new ArrayList<>();
        int found = 0;
        for (String path : paths) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS")) {
                indexed.setIndexed(false);
                String plain = handler(method, path);
                indexed.setIndexed(true);
                String fast = handler(method, path);
                if (!Objects.equals(plain, fast)) {
                    differences.add(method + " " + path + ": " + plain + " / " + fast);
                }
                found += plain.startsWith("handler") ? 1 : 0;
            }
        }
        assertThat(differences).isEmpty();
        assertThat(found).isGreaterThan(300);
    }

    private String handler(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType("application/json");
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none" : "handler " + chain.getHandler();
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** A path the pattern matches: variables and wildcards filled in. */
    private static String sample(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "x/y").replaceAll("\\{[^}:]+(:[^}]*)?}", "1")
                .replace("**", "x/y").replace("*", "x").replace("?", "a");
    }
}
