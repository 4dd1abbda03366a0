package org.gongjian;

import org.springframework.boot.SpringApplication;

/** Runs Gongjian locally from the IDE: embedded H2 in memory, demo county, clock pinned to a campaign day. */
public final class TestGongjianApplication {

    private TestGongjianApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(GongjianApplication::main)
                .withAdditionalProfiles("local")
                .run("--spring.datasource.url=jdbc:h2:mem:gongjian-local;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
                        "--gongjian.demo.enabled=true", "--gongjian.clock.fixed=2026-06-15T02:00:00Z");
    }
}
