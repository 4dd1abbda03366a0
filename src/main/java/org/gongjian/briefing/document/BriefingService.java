package org.gongjian.briefing.document;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.org.OrgService;
import org.gongjian.shared.AuditableChange;
import org.gongjian.shared.CanonicalJson;
import org.gongjian.shared.Conflict;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.InvalidInput;
import org.gongjian.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工作通报: the draft of a month (figures live, narrative edited by the office), publication (content frozen as
 * canonical JSON with its SHA-256 and the next 文号 of the year), and the settings of the 文头. Drafts are seen only
 * by users whose scope covers the campaign's owner unit; a published briefing by anyone who sees the campaign.
 */
@Service
@Transactional
public class BriefingService {

    static final int MAX_TEXT = 4000;

    private final CampaignService campaigns;
    private final OrgService org;
    private final BriefingStore store;
    private final BriefingAssembler assembler;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BriefingService(CampaignService campaigns, OrgService org, BriefingStore store, BriefingAssembler assembler,
                    ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.org = org;
        this.store = store;
        this.assembler = assembler;
        this.events = events;
        this.clock = clock;
    }

    public record BriefingView(long campaignId, String period, boolean published, @Nullable String contentHash,
                               @Nullable Instant publishedAt, @Nullable String publishedBy, BriefingData data) {}

    /** A month of the campaign with the state of its briefing (null = not started). */
    public record MonthEntry(String period, String label, @Nullable String status, @Nullable String number) {}

    /** A draft is assembled in one snapshot (REPEATABLE READ), as a published one is: its tables agree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public BriefingView briefing(long campaignId, BriefingPeriod period, DataScope scope) {
        CampaignView campaign = campaign(campaignId, period, scope);
        Optional<BriefingStore.Row> row = store.find(campaignId, period.label());
        if (row.isPresent() && row.get().published()) {
            return frozen(row.get());
        }
        requireWholeCampaign(campaign, scope);
        return draft(campaign, period, row.map(BriefingStore.Row::narrative).orElse(null));
    }

    @Transactional(readOnly = true)
    public List<MonthEntry> months(long campaignId, DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        Map<String, BriefingStore.Row> rows = new LinkedHashMap<>();
        store.ofCampaign(campaignId).forEach(r -> rows.put(r.period(), r));
        boolean wholeCampaign = coversOwner(campaign, scope);
        List<MonthEntry> months = new ArrayList<>();
        for (YearMonth m = lastMonth(campaign); !m.isBefore(YearMonth.from(campaign.startDate())); m = m.minusMonths(1)) {
            BriefingStore.Row r = rows.get(m.toString());
            if (wholeCampaign || (r != null && r.published())) {
                months.add(new MonthEntry(m.toString(), new BriefingPeriod(m).chinese(), r == null ? null : r.status(),
                        r != null && r.published() ? frozen(r).data().head().number() : null));
            }
        }
        return months;
    }

    /** The office's edit of the narrative paragraphs; a published briefing answers 409. */
    public BriefingView saveNarrative(long campaignId, BriefingPeriod period, BriefingData.Narrative text, String by,
                                      DataScope scope) {
        CampaignView campaign = campaign(campaignId, period, scope);
        requireWholeCampaign(campaign, scope);
        BriefingData.Narrative clean = validated(text);
        Optional<BriefingStore.Row> row = store.find(campaignId, period.label());
        Instant now = clock.instant();
        if (row.isEmpty()) {
            store.insertDraft(campaignId, period.label(), clean, now, by);
        } else if (row.get().published() || !store.updateDraft(row.get().id(), clean, now, by)) {
            throw published(period);
        }
        long id = store.find(campaignId, period.label()).orElseThrow().id();
        events.publishEvent(new AuditableChange("briefing.edit", "briefing", String.valueOf(id),
                row.map(BriefingStore.Row::narrative).orElse(null), clean));
        return draft(campaign, period, clean);
    }

    /**
     * Freezes the month's briefing as it reads now and gives it the issuing office's next number of the year. In one
     * REPEATABLE READ snapshot, so the frozen tables agree with each other; a concurrent publish of the same office's
     * number then fails as a serialization conflict (503, try again) instead of waiting.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public BriefingView publish(long campaignId, BriefingPeriod period, String by, DataScope scope) {
        CampaignView campaign = campaign(campaignId, period, scope);
        requireWholeCampaign(campaign, scope);
        Optional<BriefingStore.Row> existing = store.find(campaignId, period.label());
        if (existing.isPresent() && existing.get().published()) {
            throw published(period);
        }
        BriefingSettings settings = settingsOf(campaign);
        BriefingData data = assembler.assemble(campaign, period, settings,
                existing.map(BriefingStore.Row::narrative).orElse(null));
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            store.insertDraft(campaignId, period.label(), data.narrative(), now, by);
        }
        BriefingStore.Row row = store.find(campaignId, period.label()).orElseThrow();
        int year = LocalDate.now(clock).getYear();
        int seq = store.nextNumber(settings.numberPrefix(), year);
        BriefingData.Head h = data.head();
        BriefingData frozen = data.withHead(new BriefingData.Head(h.issuingUnit(),
                BriefingText.number(settings.numberPrefix(), year, seq), h.issuedOn(), h.title(), h.addressee()));
        String json = CanonicalJson.write(frozen);
        String hash = CanonicalJson.sha256(json);
        if (!store.publish(row.id(), settings.numberPrefix(), year, seq, json, hash, now, by)) {
            throw published(period);
        }
        events.publishEvent(new AuditableChange("briefing.publish", "briefing", String.valueOf(row.id()), null,
                Map.of("campaignId", campaignId, "period", period.label(), "number", frozen.head().number(),
                        "contentHash", hash)));
        return frozen(store.find(campaignId, period.label()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public BriefingSettings settings(long campaignId, DataScope scope) {
        return settingsOf(campaigns.campaign(campaignId, scope));
    }

    public BriefingSettings saveSettings(long campaignId, BriefingSettings settings, String by, DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        requireWholeCampaign(campaign, scope);
        String unit = settings.issuingUnit() == null ? "" : settings.issuingUnit().strip();
        String prefix = settings.numberPrefix() == null ? "" : settings.numberPrefix().strip();
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        if (unit.isEmpty() || unit.length() > 100) {
            problems.add(new InvalidInput.FieldProblem("issuingUnit", null, "请填写发文单位（不超过100字）"));
        }
        if (prefix.isEmpty() || prefix.length() > 60) {
            problems.add(new InvalidInput.FieldProblem("numberPrefix", null, "请填写发文字号（不超过60字），如 示攻坚办"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("通报设置有误", problems);
        }
        BriefingSettings before = settingsOf(campaign);
        BriefingSettings clean = new BriefingSettings(unit, prefix);
        store.saveSettings(campaignId, clean, clock.instant(), by);
        events.publishEvent(AuditableChange.updated("briefing_setting", campaignId, before, clean));
        return clean;
    }

    private BriefingView draft(CampaignView campaign, BriefingPeriod period, BriefingData.@Nullable Narrative narrative) {
        BriefingData data = assembler.assemble(campaign, period, settingsOf(campaign), narrative);
        return new BriefingView(campaign.id(), period.label(), false, null, null, null, data);
    }

    private static BriefingView frozen(BriefingStore.Row row) {
        BriefingData data = CanonicalJson.read(java.util.Objects.requireNonNull(row.contentJson()), BriefingData.class);
        return new BriefingView(row.campaignId(), row.period(), true, row.contentHash(), row.publishedAt(),
                row.publishedBy(), data);
    }

    private BriefingSettings settingsOf(CampaignView campaign) {
        return store.settings(campaign.id()).orElseGet(() -> BriefingSettings.defaults(campaign.ownerUnitName()));
    }

    private CampaignView campaign(long campaignId, BriefingPeriod period, DataScope scope) {
        CampaignView campaign = campaigns.campaign(campaignId, scope);
        YearMonth first = YearMonth.from(campaign.startDate());
        YearMonth last = lastMonth(campaign);
        if (period.month().isBefore(first) || period.month().isAfter(last)) {
            throw InvalidInput.of("period", "通报期数应在 " + first + " 至 " + last + " 之间（不能早于攻坚行动开始，也不能晚于本月）");
        }
        return campaign;
    }

    /** The campaign's last month, or this month while it runs: no briefing on a month still to come. */
    private YearMonth lastMonth(CampaignView campaign) {
        YearMonth now = YearMonth.now(clock);
        YearMonth end = YearMonth.from(campaign.endDate());
        return end.isBefore(now) ? end : now;
    }

    private boolean coversOwner(CampaignView campaign, DataScope scope) {
        // no try/catch around a NotFound here: it would mark the surrounding transaction rollback-only
        return org.scopeOf(campaign.ownerUnitId()).map(owner -> scope.covers(owner.path())).orElse(false);
    }

    private void requireWholeCampaign(CampaignView campaign, DataScope scope) {
        if (!coversOwner(campaign, scope)) {
            throw new NotFound("briefing", campaign.id());
        }
    }

    private static BriefingData.Narrative validated(BriefingData.Narrative text) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        String overview = check("overview", text.overview(), problems);
        String commendations = check("commendations", text.commendations(), problems);
        String nextSteps = check("nextSteps", text.nextSteps(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput("通报正文有误", problems);
        }
        return new BriefingData.Narrative(overview, commendations, nextSteps);
    }

    private static String check(String field, @Nullable String value, List<InvalidInput.FieldProblem> problems) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            problems.add(new InvalidInput.FieldProblem(field, null, "不能为空"));
        } else if (clean.length() > MAX_TEXT) {
            problems.add(new InvalidInput.FieldProblem(field, null, "不能超过" + MAX_TEXT + "字"));
        }
        return clean;
    }

    private static Conflict published(BriefingPeriod period) {
        return new Conflict("briefing-published", period.chinese() + "的通报已印发，内容已冻结，不能再修改");
    }
}
