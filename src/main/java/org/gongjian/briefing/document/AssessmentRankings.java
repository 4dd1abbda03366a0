package org.gongjian.briefing.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.gongjian.assessment.RankingView;
import org.gongjian.assessment.Rankings;
import org.gongjian.assessment.UnitGroup;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;

/**
 * The briefing's 红榜/黑榜 from the assessment module's published rankings: per group (townships, departments) the
 * latest published month up to the briefing's month — a month's ranking is published after its reports are in, so
 * the November briefing usually carries October's. Only published versions (a corrected one after an upheld appeal)
 * are read, never drafts. The briefing speaks for the whole campaign, so names and scores of every unit are shown
 * (they are public to everyone who sees the campaign; the breakdowns are not used here).
 */
@Component
class AssessmentRankings implements RankingSource {

    private final Rankings rankings;

    AssessmentRankings(Rankings rankings) {
        this.rankings = rankings;
    }

    @Override
    public Optional<BriefingData.Rankings> rankings(long campaignId, BriefingPeriod period) {
        List<BriefingData.RankingGroup> groups = new ArrayList<>();
        for (UnitGroup group : UnitGroup.values()) {
            rankings.publishedPeriods(campaignId, group, DataScope.everything()).stream()
                    .filter(p -> p.compareTo(period.label()) <= 0)
                    .max(Comparator.naturalOrder())
                    .flatMap(p -> rankings.published(campaignId, p, group, DataScope.everything()))
                    .ifPresent(view -> groups.add(group(view)));
        }
        return groups.isEmpty() ? Optional.empty() : Optional.of(new BriefingData.Rankings(groups));
    }

    private static BriefingData.RankingGroup group(RankingView view) {
        return new BriefingData.RankingGroup(view.group().label() + "（" + view.periodName() + "考核"
                + (view.version() > 1 ? "，第" + view.version() + "版" : "") + "）",
                view.top().stream().map(AssessmentRankings::ranked).toList(),
                view.bottom().stream().map(AssessmentRankings::ranked).toList());
    }

    private static BriefingData.Ranked ranked(RankingView.Entry e) {
        return new BriefingData.Ranked(e.rank(), e.unitId(), e.unitName(), e.score(), null);
    }
}
