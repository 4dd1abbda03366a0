package org.gongjian.web;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC finds the handler of a path with variables ({@code /api/v1/reports/{id}/submit}) by trying each of the
 * application's ~370 mappings in turn, all its conditions (method, headers, content types, path pattern) against the
 * request, through every request wrapper of the filter chain: 15 % of the CPU of a progress update (issue #18, JFR).
 * This mapping first compares the path with each pattern's literal start, the text before its first variable or
 * wildcard (precomputed at start-up): a path that does not start with it cannot match the pattern, so the mapping is
 * skipped without its conditions. Everything else — which mapping wins, 404/405/415 answers, CORS — is Spring's own
 * lookup over the mappings that remain. Where the comparison would not be exact (a path with percent-escapes, which
 * patterns match decoded; a pattern with non-ASCII literals) every mapping is tried as before.
 */
public class PrefixIndexedHandlerMapping extends RequestMappingHandlerMapping {

    /** The lookup path of the request being mapped on this thread, while {@link #lookupHandlerMethod} runs. */
    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

    private volatile Map<RequestMappingInfo, String[]> literalStarts = Map.of();
    private volatile boolean indexed = true;

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        Map<RequestMappingInfo, String[]> starts = new IdentityHashMap<>();
        getHandlerMethods().keySet().forEach(info -> {
            String[] literal = literalStarts(info);
            if (literal != null) {
                starts.put(info, literal);
            }
        });
        literalStarts = starts;
    }

    /** Each pattern's text up to its first variable or wildcard; null when one of them can't be compared as text. */
    static String @Nullable [] literalStarts(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return null;
        }
        List<String> starts = new ArrayList<>();
        for (PathPattern pattern : condition.getPatterns()) {
            String text = pattern.getPatternString();
            int end = 0;
            while (end < text.length() && "{*?\\".indexOf(text.charAt(end)) < 0) {
                if (text.charAt(end) > 127) {
                    return null;
                }
                end++;
            }
            starts.add(text.substring(0, end));
        }
        return starts.toArray(String[]::new);
    }

    /** Off: Spring's plain lookup, for the test that compares both over every mapping. */
    void setIndexed(boolean indexed) {
        this.indexed = indexed;
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (!indexed || lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        LOOKUP_PATH.set(lookupPath);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP_PATH.remove();
        }
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP_PATH.get();
        if (path != null) {
            String[] starts = literalStarts.get(info);
            if (starts != null && !startsWithAny(path, starts)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean startsWithAny(String path, String[] starts) {
        for (String start : starts) {
            if (path.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** Boot's MVC set-up with this mapping in place of its own (same settings otherwise). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations prefixIndexedHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new PrefixIndexedHandlerMapping();
                }
            };
        }
    }
}
