package org.gongjian.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gongjian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily anchor's catch-up (00:10 Beijing time): a node that was down at 00:10 anchors when it comes back (and the
 * next daily run does the same), once, naming the days it missed; an anchor made since the last 00:10 means nothing is
 * due. The missed days are signed with the line, and the file still verifies.
 */
class IntegrityCatchUpTests extends IntegrationTest {

    @Autowired IntegrityDailyJob job;
    @Autowired IntegrityService integrity;
    @Autowired JdbcClient jdbc;

    @Test
    void aNodeDownAtTenPastMidnightAnchorsWhenItIsBackNamingTheMissedDays() {
        // 2026-07-01 10:00 Beijing: an anchor (on demand or daily) today, after 00:10 — nothing is due.
        clock.set(Instant.parse("2026-07-01T02:00:00Z"));
        integrity.anchorNow("testadmin");
        int lines = integrity.anchors().size();
        assertThat(job.catchUp()).isNull();

        // Down from then until 2026-07-04 09:00 Beijing: the 00:10 of the 2nd, 3rd and 4th went by without an anchor.
        clock.set(Instant.parse("2026-07-04T01:00:00Z"));
        Anchor caughtUp = job.catchUp();
        assertThat(caughtUp).isNotNull();
        assertThat(caughtUp.missed()).containsExactly("2026-07-02", "2026-07-03", "2026-07-04");
        assertThat(caughtUp.actor()).isEqualTo("system");
        assertThat(integrity.anchors()).hasSize(lines + 1);
        // One line for all of them, not one per day; and a second start the same day makes none.
        assertThat(job.catchUp()).isNull();
        assertThat(integrity.anchors()).hasSize(lines + 1);

        // Signed with the missed days: the anchor file verifies, and the catch-up is in the audit trail.
        List<String> problems = integrity.verify().anchorProblems();
        assertThat(problems).noneMatch(p -> p.contains("第" + caughtUp.seq() + "次锚定") && p.contains("签名"));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_event WHERE action = 'integrity.anchor' AND entity_id = :seq""")
                .param("seq", String.valueOf(caughtUp.seq())).query(Long.class).single()).isOne();
    }

    @Test
    void theDailyRunOnTimeMissesNothingAndBeforeTenPastMidnightYesterdaysAnchorCounts() {
        clock.set(Instant.parse("2026-08-01T02:00:00Z"));
        integrity.anchorNow("testadmin");
        // 2026-08-02 00:05 Beijing: today's anchor is not due yet, yesterday's was made.
        clock.set(Instant.parse("2026-08-01T16:05:00Z"));
        assertThat(job.catchUp()).isNull();
        // 00:10: the daily run, on time: an anchor, no missed day.
        clock.advance(Duration.ofMinutes(5));
        Anchor daily = job.catchUp();
        assertThat(daily).isNotNull();
        assertThat(daily.missed()).isEmpty();
        // The next day the node is down at 00:10 and comes back at 07:00: that day is named as missed.
        clock.set(Instant.parse("2026-08-02T23:00:00Z"));
        assertThat(job.catchUp().missed()).containsExactly("2026-08-03");
    }

    @Test
    void anEditedListOfMissedDaysFailsTheSignature() throws Exception {
        clock.set(Instant.parse("2026-09-01T02:00:00Z"));
        integrity.anchorNow("testadmin");
        clock.set(Instant.parse("2026-09-03T02:00:00Z"));
        Anchor anchor = job.catchUp();
        assertThat(anchor.missed()).containsExactly("2026-09-02", "2026-09-03");
        java.nio.file.Path file = integrity.anchorFile();
        String text = java.nio.file.Files.readString(file);
        assertThat(text).contains("\"missed\":[\"2026-09-02\",\"2026-09-03\"]");
        java.nio.file.Files.writeString(file, text.replace("\"missed\":[\"2026-09-02\",\"2026-09-03\"]",
                "\"missed\":[\"2026-09-02\"]"));
        try {
            assertThat(integrity.verify().anchorProblems())
                    .anyMatch(p -> p.contains("第" + anchor.seq() + "次锚定") && p.contains("签名或摘要不符"));
        } finally {
            java.nio.file.Files.writeString(file, text);
        }
    }
}
