package org.gongjian.briefing.document;

import java.util.Optional;

/**
 * Where the briefing's 红榜/黑榜 come from. The assessment module is not part of this branch: without a bean of this
 * type the rankings section is left out with a note; plugging it in is an adapter in this package over the
 * assessment module's published snapshot for the period.
 */
public interface RankingSource {

    Optional<BriefingData.Rankings> rankings(long campaignId, BriefingPeriod period);
}
