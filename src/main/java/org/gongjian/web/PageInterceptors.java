package org.gongjian.web;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;

/**
 * Registers an interceptor that only concerns drawn pages (the shell's navigation, the last-login banner): the REST API
 * and static files are left out, so an API call pays nothing for it (issue #18: a model attribute evaluated on every
 * API call cost 2–3 % of an approval).
 */
public final class PageInterceptors {

    /** What is not a page: the REST API and the static resources. */
    private static final String[] NOT_PAGES = {"/api/**", "/webjars/**", "/css/**", "/js/**", "/img/**"};

    private PageInterceptors() {
    }

    public static void register(InterceptorRegistry registry, HandlerInterceptor interceptor) {
        registry.addInterceptor(interceptor).excludePathPatterns(NOT_PAGES);
    }
}
