package org.gongjian.web;

import org.springframework.stereotype.Component;

/**
 * Links that keep the current filters: the same URL with one query parameter replaced ({@code page} for the pager,
 * {@code lang} for the language switch, which must not drop the page's query).
 */
@Component("pagingLinks")
public class PagingLinks {

    public String to(int page) {
        return with("page", String.valueOf(page));
    }

    /** The current page in the other language (zh-CN ↔ en), filters kept. */
    public String language(String currentLanguage) {
        return with("lang", "en".equals(currentLanguage) ? "zh_CN" : "en");
    }

    private static String with(String name, String value) {
        // Relative to the host: behind a proxy an absolute link would point at the backend.
        var request = ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
        String query = request.getQueryString();
        return org.springframework.web.util.UriComponentsBuilder
                .fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                .replaceQueryParam(name, value).build().toUriString();
    }
}
