package org.gongjian.integrity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up: the first release's unkeyed chain links are re-linked once with the current key (see IntegrityService). */
@Component
class IntegrityStartup implements ApplicationRunner {

    private final IntegrityService integrity;

    IntegrityStartup(IntegrityService integrity) {
        this.integrity = integrity;
    }

    @Override
    public void run(ApplicationArguments args) {
        integrity.relinkLegacyChains();
    }
}
