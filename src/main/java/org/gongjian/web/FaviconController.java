package org.gongjian.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Browsers and proxies ask for /favicon.ico whatever the page declares; without an answer every first visit logs a
 * 404. The icon is an SVG under /img (declared in the layout), so the old name points there for good.
 */
@Controller
class FaviconController {

    @GetMapping("/favicon.ico")
    ResponseEntity<Void> favicon() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header("Location", "/img/favicon.svg").build();
    }
}
