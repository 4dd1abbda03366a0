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
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Rankings(RankingService rankings, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.rankings = rankings;
        this.jdbc = jdbc;
    }

    /** A unit's place in the latest published ranking of its group: rank of how many, with its score. */
    public record Place(UnitGroup group, String period, String periodName, int rank, int of, java.math.BigDecimal score) {}

    /**
     * The unit's place in the newest published (current) ranking that ranks it, in one query — what the cockpit's
     * tile shows; empty for a unit no ranking ranks (a county) or before the first publication.
     */
    public Optional<Place> latestPlace(long campaignId, long unitId) {
        return jdbc.sql("""
                SELECT r.unit_group, r.period, s.unit_rank, s.score,
                       (SELECT COUNT(*) FROM assessment_score x WHERE x.ranking_id = r.id) AS ranked
                FROM assessment_score s JOIN assessment_ranking r ON r.id = s.ranking_id
                WHERE r.campaign_id = :campaign AND s.unit_id = :unit AND r.status = 'PUBLISHED'
                ORDER BY r.period DESC, r.version DESC LIMIT 1""")
                .param("campaign", campaignId).param("unit", unitId)
                .query((rs, n) -> new Place(UnitGroup.valueOf(rs.getString("unit_group")), rs.getString("period"),
                        org.gongjian.report.ReportingPeriod.displayName(rs.getString("period")), rs.getInt("unit_rank"),
                        rs.getInt("ranked"), rs.getBigDecimal("score")))
                .optional();
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
