package org.gongjian.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.CampaignCommand;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.ReportingFrequency;
import org.gongjian.shared.DataScope;
import org.gongjian.support.IntegrationTest;
import org.gongjian.support.OrgFixtures;
import org.gongjian.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every approval marks its campaign's cockpit figures stale. The mark is a row appended to cockpit_stale_mark (it was
 * an update of the campaign's one cockpit_refresh row, on which concurrent approvals of a campaign queued: issue #18;
 * see ConcurrentCampaignApprovalTests), written once per campaign just before the approving transaction commits, and
 * committed or rolled back with it. A refresh takes the marks committed before it reads; one committed while it runs
 * stays for the next refresh.
 */
class CockpitDirtyMarkTests extends IntegrationTest {

    @Autowired CockpitRefresh refresh;
    @Autowired CockpitStore store;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired OrgFixtures org;
    @Autowired CampaignService campaigns;

    @Test
    void theMarkIsWrittenJustBeforeTheTransactionCommitsAndOnlyThen() {
        long campaign = newCampaignId();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        var marked = StatementCounter.count(() -> tx.execute(status -> {
            refresh.markDirtyAtCommit(campaign);
            refresh.markDirtyAtCommit(campaign);
            return jdbc.sql("SELECT 1").query(Integer.class).single();   // the rest of the approving transaction
        }));
        // nothing written while the transaction worked; the mark once, at commit: one row appended
        assertThat(marked.statements()).hasSize(2);
        assertThat(marked.statements().get(0)).isEqualTo("SELECT 1");
        assertThat(marked.statements().get(1)).startsWith("INSERT INTO cockpit_stale_mark");
        assertThat(dirty(campaign)).isTrue();

        refresh.refresh(campaign);
        assertThat(dirty(campaign)).isFalse();
        tx.executeWithoutResult(status -> {
            refresh.markDirtyAtCommit(campaign);
            status.setRollbackOnly();
        });
        assertThat(dirty(campaign)).as("rolled back with the approval").isFalse();

        tx.executeWithoutResult(status -> refresh.markDirtyAtCommit(campaign));
        assertThat(dirty(campaign)).isTrue();
    }

    /**
     * The job refreshes each marked campaign in a transaction of its own: a campaign whose refresh fails (here: gone
     * since it was marked) no longer rolls back the others', whose marks piled up minute after minute.
     */
    @Test
    void oneCampaignThatCannotBeRefreshedDoesNotHoldBackTheOthers() {
        long campaign = newCampaignId();
        long gone = 9_000_000_000L + campaign;
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            refresh.markDirtyAtCommit(gone);
            refresh.markDirtyAtCommit(campaign);
        });
        assertThat(dirty(campaign)).isTrue();

        refresh.refreshDirty();

        assertThat(dirty(campaign)).isFalse();
        assertThat(store.dirty()).as("a campaign that is gone has its marks dropped").doesNotContain(gone);
    }

    /**
     * A refresh takes the marks before it reads the figures, in its own transaction: an approval that commits after
     * that (its changes unseen by the refresh's reads) leaves its mark for the next refresh. Deleting the campaign's
     * marks when the refresh writes, or clearing a flag then, would lose it until the next morning's refresh.
     */
    @Test
    void aMarkCommittedWhileARefreshRunsStaysForTheNextRefresh() {
        long campaign = newCampaignId();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        TransactionTemplate approval = new TransactionTemplate(transactions);
        approval.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.executeWithoutResult(status -> refresh.markDirtyAtCommit(campaign));

        tx.executeWithoutResult(status -> {
            store.lockForRefresh(campaign);
            store.takeMarks(campaign);
            // the refresh reads its figures here; meanwhile an approval commits
            approval.executeWithoutResult(inner -> refresh.markDirtyAtCommit(campaign));
            store.replace(campaign, List.of(), Instant.parse("2026-07-02T02:00:00Z"));
        });
        assertThat(dirty(campaign)).as("the approval committed during the refresh").isTrue();

        refresh.refresh(campaign);
        assertThat(dirty(campaign)).isFalse();
    }

    /** Marks of two transactions of one campaign both commit, and one refresh takes both. */
    @Test
    void everyApprovalAppendsItsOwnMark() {
        long campaign = newCampaignId();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> refresh.markDirtyAtCommit(campaign));
        tx.executeWithoutResult(status -> refresh.markDirtyAtCommit(campaign));
        assertThat(marks(campaign)).isEqualTo(2);
        refresh.refresh(campaign);
        assertThat(marks(campaign)).isZero();
        assertThat(dirty(campaign)).isFalse();
    }

    /** A unit move marks every refreshed campaign by its cockpit_refresh row, as before the appended marks. */
    @Test
    void aUnitMoveStillMarksEveryRefreshedCampaign() {
        long campaign = newCampaignId();
        refresh.refresh(campaign);
        store.markAllDirty();
        assertThat(dirty(campaign)).isTrue();
        refresh.refresh(campaign);
        assertThat(dirty(campaign)).isFalse();
    }

    /** A campaign without tasks: its refresh reads nothing and writes no figures. */
    private long newCampaignId() {
        OrgFixtures.County c = org.county();
        return campaigns.create(new CampaignCommand("驾驶舱标记" + c.tag(), 2026, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), c.county().id(), null, ReportingFrequency.MONTHLY, null, null, null, null,
                null), DataScope.everything()).id();
    }

    private long marks(long campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM cockpit_stale_mark WHERE campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
    }

    private boolean dirty(long campaign) {
        return store.dirty().contains(campaign);
    }
}
