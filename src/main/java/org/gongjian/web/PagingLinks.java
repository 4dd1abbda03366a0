package org.gongjian.web;

import org.springframework.stereotype.Component;

/** Page links that keep the current filters: the same URL with only {@code page} replaced. */
@Component("pagingLinks")
public class PagingLinks {

    public String to(int page) {
        // Relative to the host: behind a proxy an absolute link would point at the backend.
        var request = ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
        String query = request.getQueryString();
        return org.springframework.web.util.UriComponentsBuilder
                .fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                .replaceQueryParam("page", page).build().toUriString();
    }
}
