package org.gongjian.assessment;

import java.util.List;
import java.util.Optional;

import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public read API for the cockpit and the briefing: published rankings only (never drafts), with breakdowns
 * limited to the reader's scope as on the ranking page.
 */
@Service
@Transactional(readOnly = true)
public class Rankings {

    private final RankingService rankings;

    Rankings(RankingService rankings) {
        this.rankings = rankings;
    }

    /** The current published version (a corrected one after an upheld appeal), or empty before publication. */
    public Optional<RankingView> published(long campaignId, String period, UnitGroup group, DataScope scope) {
        return rankings.published(campaignId, period, group, scope);
    }

    /** Periods with a published ranking for the group, newest first. */
    public List<String> publishedPeriods(long campaignId, UnitGroup group, DataScope scope) {
        return rankings.publishedPeriods(campaignId, group, scope);
    }
}
