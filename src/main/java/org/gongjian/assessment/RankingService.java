package org.gongjian.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rankings per campaign, period and peer group: the office computes a draft (again as often as it likes), publishes
 * it (frozen, hashed), and corrections after upheld appeals become new versions. Everyone who sees the campaign sees
 * names, scores and ranks; a breakdown only for units in the reader's scope.
 */
@Service
@Transactional
public class RankingService {

    /** What is hashed: the snapshot's identity, the scheme it was scored with and every score with its items. */
    record Snapshot(long campaignId, String period, UnitGroup group, int version, Scheme scheme, List<UnitScore> scores) {}

    private final RankingStore store;
    private final AssessmentFacts facts;
    private final SchemeService schemes;
    private final CampaignService campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RankingService(RankingStore store, AssessmentFacts facts, SchemeService schemes, CampaignService campaigns,
                   ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.facts = facts;
        this.schemes = schemes;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
    }

    /** Scores the group's units in the caller's scope into a fresh draft (replacing an earlier draft). */
    public RankingView compute(long campaignId, String periodLabel, UnitGroup group, CurrentUser user, DataScope scope) {
        SchemeService.requireOffice(user);
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        ReportingPeriod period = ReportingPeriod.parse(periodLabel, campaign);
        if (store.versions(campaignId, period.label(), group).stream().anyMatch(h -> h.status() != RankingStatus.DRAFT)) {
            throw new Conflict("ranking-published", period.displayName() + group.label() + "排名已发布，不能重新计算");
        }
        Scheme scheme = schemes.stored(campaignId);
        List<UnitScore> scores = new ArrayList<>();
        for (UnitFacts unit : facts.collect(campaignId, period, group, scope)) {
            scores.add(Scoring.score(unit, scheme, campaignId));
        }
        store.deleteDraft(campaignId, period.label(), group);
        long id = store.insert(campaignId, period.label(), group, 0, RankingStatus.DRAFT, scope.unitId(), scheme,
                user.getUsername(), clock.instant(), null);
        store.insertScores(id, Ranks.assign(scores));
        events.publishEvent(new AuditableChange("assessment_ranking.compute", "assessment_ranking", String.valueOf(id),
                null, java.util.Map.of("campaignId", campaignId, "period", period.label(), "group", group, "units", scores.size())));
        return view(store.header(id).orElseThrow(), scope);
    }

    /** Freezes the draft as version 1 with the SHA-256 of its canonical content. */
    public RankingView publish(long campaignId, String periodLabel, UnitGroup group, CurrentUser user, DataScope scope) {
        SchemeService.requireOffice(user);
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        ReportingPeriod period = ReportingPeriod.parse(periodLabel, campaign);
        List<RankingStore.Header> versions = store.versions(campaignId, period.label(), group);
        if (versions.stream().anyMatch(h -> h.status() != RankingStatus.DRAFT)) {
            throw new Conflict("ranking-published", period.displayName() + group.label() + "排名已发布");
        }
        RankingStore.Header draft = versions.stream().findFirst()
                .orElseThrow(() -> new NotFound("ranking", campaignId + "/" + period.label() + "/" + group));
        Instant now = clock.instant();
        String hash = hash(draft, 1);
        store.publish(draft.id(), 1, user.getUsername(), now, hash);
        events.publishEvent(new AuditableChange("assessment_ranking.publish", "assessment_ranking",
                String.valueOf(draft.id()), RankingStatus.DRAFT, java.util.Map.of("version", 1, "contentHash", hash)));
        return view(store.header(draft.id()).orElseThrow(), scope);
    }

    /** The newest version: the published one, or for the office and leaders the draft before publication. */
    @Transactional(readOnly = true)
    public RankingView current(long campaignId, String periodLabel, UnitGroup group, CurrentUser user, DataScope scope) {
        return find(campaignId, periodLabel, group, user, scope)
                .orElseThrow(() -> new NotFound("ranking", campaignId + "/" + periodLabel + "/" + group));
    }

    @Transactional(readOnly = true)
    public Optional<RankingView> find(long campaignId, String periodLabel, UnitGroup group, CurrentUser user,
                                      DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        String label = ReportingPeriod.parse(periodLabel, campaign).label();
        boolean draftReader = user.has(Role.SUPERVISOR) || user.has(Role.ADMIN) || user.has(Role.LEADER);
        return store.versions(campaignId, label, group).stream()
                .filter(h -> h.status() != RankingStatus.SUPERSEDED && (draftReader || h.status() == RankingStatus.PUBLISHED))
                .findFirst().map(h -> view(h, scope));
    }

    /** Published rankings only, for other modules (see {@link Rankings}). */
    @Transactional(readOnly = true)
    public Optional<RankingView> published(long campaignId, String periodLabel, UnitGroup group, DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        String label = ReportingPeriod.parse(periodLabel, campaign).label();
        return store.versions(campaignId, label, group).stream().filter(h -> h.status() == RankingStatus.PUBLISHED)
                .findFirst().map(h -> view(h, scope));
    }

    @Transactional(readOnly = true)
    public List<String> publishedPeriods(long campaignId, UnitGroup group, DataScope scope) {
        campaigns.campaign(campaignId, scope);
        return store.publishedPeriods(campaignId, group);
    }

    /** Any version by id (superseded ones stay readable); drafts only for the office and leaders. */
    @Transactional(readOnly = true)
    public RankingView ranking(long id, CurrentUser user, DataScope scope) {
        return view(readable(id, user, scope), scope);
    }

    /** One unit's score and breakdown; a unit outside the reader's scope answers 404. */
    @Transactional(readOnly = true)
    public RankingView.Entry entry(long rankingId, long unitId, CurrentUser user, DataScope scope) {
        RankingView view = view(readable(rankingId, user, scope), scope);
        return view.items().stream().filter(e -> e.unitId() == unitId && e.breakdownVisible()).findFirst()
                .orElseThrow(() -> new NotFound("score", unitId));
    }

    @Transactional(readOnly = true)
    public Verification verify(long rankingId, CurrentUser user, DataScope scope) {
        RankingStore.Header h = readable(rankingId, user, scope);
        if (h.contentHash() == null) {
            throw new Conflict("not-published", "草稿尚未发布，没有可校验的哈希");
        }
        String computed = hash(h, h.version());
        return new Verification(h.id(), h.version(), computed.equals(h.contentHash()), h.contentHash(), computed);
    }

    /** A corrected version (n+1) with one deduction waived; the corrected one is marked superseded. */
    RankingStore.Header correct(RankingStore.Header latest, long unitId, String itemKey, String reason, String by) {
        List<UnitScore> corrected = Correction.waive(store.scores(latest.id()), unitId, itemKey, reason);
        Instant now = clock.instant();
        int version = latest.version() + 1;
        long id = store.insert(latest.campaignId(), latest.period(), latest.group(), version, RankingStatus.DRAFT,
                latest.scopeUnitId(), latest.scheme(), by, now, reason);
        store.insertScores(id, corrected);
        RankingStore.Header inserted = store.header(id).orElseThrow();
        String hash = hash(inserted, version);
        store.publish(id, version, by, now, hash);
        store.supersede(latest.id(), now);
        events.publishEvent(new AuditableChange("assessment_ranking.correct", "assessment_ranking", String.valueOf(id),
                java.util.Map.of("supersededId", latest.id(), "version", latest.version()),
                java.util.Map.of("version", version, "contentHash", hash, "reason", reason)));
        return store.header(id).orElseThrow();
    }

    RankingStore.Header readable(long id, CurrentUser user, DataScope scope) {
        RankingStore.Header h = store.header(id).orElseThrow(() -> new NotFound("ranking", id));
        campaigns.campaign(h.campaignId(), scope);
        boolean draftReader = user.has(Role.SUPERVISOR) || user.has(Role.ADMIN) || user.has(Role.LEADER);
        if (h.status() == RankingStatus.DRAFT && !draftReader) {
            throw new NotFound("ranking", id);
        }
        return h;
    }

    private String hash(RankingStore.Header h, int version) {
        return CanonicalJson.sha256(CanonicalJson.write(new Snapshot(h.campaignId(), h.period(), h.group(), version,
                h.scheme(), store.scores(h.id()))));
    }

    RankingView view(RankingStore.Header h, DataScope scope) {
        RankingStore.Loaded loaded = store.load(h.id());
        Map<Long, List<Long>> itemIds = loaded.itemIds();
        List<RankingView.Entry> entries = new ArrayList<>();
        for (UnitScore s : loaded.scores()) {
            boolean visible = scope.covers(s.unitPath());
            List<RankingView.BreakdownItem> breakdown = new ArrayList<>();
            if (visible) {
                List<Long> ids = itemIds.getOrDefault(s.unitId(), List.of());
                for (int i = 0; i < s.items().size(); i++) {
                    ScoreItem item = s.items().get(i);
                    breakdown.add(new RankingView.BreakdownItem(ids.get(i), item.category(), item.sourceType(),
                            item.sourceId(), item.link(), item.points(), item.explanation(), item.waived()));
                }
            }
            entries.add(new RankingView.Entry(s.unitId(), s.unitName(), s.score(), s.rank(), s.completion(),
                    s.timeliness(), s.quality(), s.bonus(), s.deduction(), visible, breakdown));
        }
        List<RankingView.Version> versions = store.versions(h.campaignId(), h.period(), h.group()).stream()
                .filter(v -> v.status() != RankingStatus.DRAFT)
                .map(v -> new RankingView.Version(v.id(), v.version(), v.status(), v.publishedAt())).toList();
        return new RankingView(h.id(), h.campaignId(), h.period(), ReportingPeriod.displayName(h.period()), h.group(),
                h.version(), h.status(), h.publishedAt(), h.publishedBy(), h.supersededAt(), h.correction(),
                h.contentHash(), h.scheme(), entries, versions);
    }
}
