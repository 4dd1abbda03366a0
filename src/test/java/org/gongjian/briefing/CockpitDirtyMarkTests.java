package org.gongjian.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.gongjian.support.IntegrationTest;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every approval marks its campaign's cockpit figures stale. The mark is one row per campaign, so it must not be
 * written (and locked until commit) when it is already set: concurrent approvals of one campaign would otherwise
 * queue behind each other (issue #18). Absent, clean and dirty rows all end dirty.
 */
class CockpitDirtyMarkTests extends IntegrationTest {

    @Autowired CockpitStore store;
    @Autowired JdbcClient jdbc;

    @Test
    void aMarkIsWrittenOnlyWhereTheFiguresWereNotAlreadyStale() {
        long campaign = jdbc.sql("SELECT COALESCE(MAX(campaign_id), 0) + 1000000 FROM cockpit_refresh")
                .query(Long.class).single();

        var absent = StatementCounter.count(() -> { store.markDirty(campaign); return dirty(campaign); });
        assertThat(absent.result()).isTrue();
        assertThat(absent.statements()).anyMatch(sql -> sql.startsWith("INSERT"));

        var again = StatementCounter.count(() -> { store.markDirty(campaign); return dirty(campaign); });
        assertThat(again.result()).isTrue();
        // the mark stands: one read, nothing written (so no row lock held until the approval commits)
        assertThat(again.statements()).hasSize(2).noneMatch(sql -> sql.startsWith("UPDATE") || sql.startsWith("INSERT"));

        store.replace(campaign, List.of(), Instant.parse("2026-07-02T02:00:00Z"));
        assertThat(dirty(campaign)).isFalse();
        var cleared = StatementCounter.count(() -> { store.markDirty(campaign); return dirty(campaign); });
        assertThat(cleared.result()).isTrue();
        assertThat(cleared.statements()).anyMatch(sql -> sql.startsWith("UPDATE"));
        assertThat(store.dirty()).contains(campaign);
    }

    private boolean dirty(long campaign) {
        return jdbc.sql("SELECT dirty FROM cockpit_refresh WHERE campaign_id = :c").param("c", campaign)
                .query(Boolean.class).single();
    }
}
