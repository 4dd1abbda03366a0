package org.gongjian.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Page links that keep the current filters: the same URL with only {@code page} replaced. */
@Component("pagingLinks")
public class PagingLinks {

    public String to(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .build().toUriString();
    }
}
