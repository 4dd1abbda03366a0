package org.gongjian.briefing.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gongjian.briefing.Cockpit;
import org.gongjian.briefing.Dashboard;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskFigures;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitKind;
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.LightEvaluation;
import org.gongjian.supervision.LightEvaluation.UnitCount;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds a briefing's {@link BriefingData} from the other modules' public services, seen from the campaign's owner
 * unit (the office writes for the whole campaign). Lights are as they stand when assembled; publishing freezes them.
 */
@Component
class BriefingAssembler {

    /** A leader reads a page or two of red tasks; a city's campaign has thousands (16,000 of 100,000 tasks). */
    static final int RED_LISTED = 50;

    private final TaskFigures taskFigures;
    private final LightEvaluation lights;
    private final OrgService org;
    private final MonthActivity activity;
    private final ObjectProvider<RankingSource> rankings;
    private final Clock clock;
    private final Cockpit cockpit;

    BriefingAssembler(TaskFigures taskFigures, LightEvaluation lights, OrgService org, MonthActivity activity,
                      ObjectProvider<RankingSource> rankings, Clock clock, Cockpit cockpit) {
        this.cockpit = cockpit;
        this.taskFigures = taskFigures;
        this.lights = lights;
        this.org = org;
        this.activity = activity;
        this.rankings = rankings;
        this.clock = clock;
    }

    /**
     * Reads its tables in several statements (section 一's figures, the lead units, the summary by subordinate unit):
     * the callers run it in one REPEATABLE READ snapshot ({@link BriefingService#briefing}, {@link BriefingService#publish}),
     * so an evaluation committing between two of them cannot make a published briefing's tables disagree for good.
     * Not a transaction of its own: the demo publishes a briefing inside the transaction that loads its data.
     */
    BriefingData assemble(CampaignView campaign, BriefingPeriod period, BriefingSettings settings,
                          BriefingData.@Nullable Narrative edited) {
        DataScope scope = org.scopeOf(campaign.ownerUnitId()).orElse(DataScope.everything());
        List<BriefingData.UnitPunctuality> reporting = activity.reporting(campaign, period, scope);
        List<BriefingData.LevelCount> notices = activity.notices(campaign.id(), period, scope);
        BriefingData.Figures figures = figures(taskFigures.topLevelTally(campaign.id()), reporting, notices);
        List<BriefingData.UnitLights> units = units(campaign.id(), scope);
        TaskFigures.RedLeaves leaves = taskFigures.redLeaves(campaign.id(), RED_LISTED);
        BriefingData.@Nullable Rankings ranked = rankings.stream().findFirst()
                .flatMap(r -> r.rankings(campaign.id(), period)).orElse(null);
        Map<Long, String> labels = labels(units, reporting, leaves, ranked);
        units = units.stream().map(u -> u.labelled(labels.get(u.unitId()))).toList();
        reporting = reporting.stream().map(u -> u.labelled(labels.get(u.unitId()))).toList();
        List<BriefingData.RedTask> red = redTasks(leaves, labels);
        BriefingData.Narrative narrative = edited != null ? edited : new BriefingData.Narrative(
                BriefingText.defaultOverview(figures), BriefingText.defaultCommendations(units, reporting),
                BriefingText.defaultNextSteps(figures, leaves.total(),
                        leaves.leadUnits().keySet().stream().map(labels::get).sorted().toList()));
        LocalDate today = LocalDate.now(clock);
        BriefingData.Head head = new BriefingData.Head(settings.issuingUnit(), null, today,
                BriefingText.title(period), "各乡镇（街道）、县直有关部门：");
        return new BriefingData(campaign.id(), campaign.name(), period.label(), head, figures, units, red, notices,
                reporting, ranked == null ? null : labelled(ranked, labels), narrative, leaves.total() - red.size(),
                branches(campaign));
    }

    /**
     * The issuing unit's own tasks and each unit directly under it with its whole subtree (a city leader reads his
     * counties, not 1,330 lead units), as the cockpit sums them: its own row first, then as {@link #units}.
     */
    private List<BriefingData.UnitLights> branches(CampaignView campaign) {
        List<Dashboard.UnitRow> rows = cockpit.lightsByBranch(campaign.id(), campaign.ownerUnitId());
        Map<Long, UnitKind> kinds = org.kindsOf(rows.stream().map(Dashboard.UnitRow::unitId).toList());
        return rows.stream().map(r -> {
            UnitKind kind = Objects.requireNonNull(kinds.get(r.unitId()), "unit " + r.unitId());
            Dashboard.Tally t = r.lights();
            return new BriefingData.UnitLights(r.unitId(), r.name(), kind.name(), t.total(), t.green(), t.yellow(),
                    t.red(), t.done(), r.self() ? r.name() + BriefingData.UnitLights.OWN : null);
        }).sorted(Comparator.comparing((BriefingData.UnitLights u) -> !u.own())
                .thenComparing(BY_KIND_THEN_RED)).toList();
    }

    /** The campaign's own list (top-level tasks): counts per light and the plain average of their progress. */
    static BriefingData.Figures figures(TaskFigures.TopLevelTally top, List<BriefingData.UnitPunctuality> reporting,
                                        List<BriefingData.LevelCount> notices) {
        BigDecimal average = top.tasks() == 0 ? BigDecimal.ZERO
                : top.progressSum().divide(BigDecimal.valueOf(top.tasks()), 1, RoundingMode.HALF_UP);
        return new BriefingData.Figures(top.tasks(), top.green(), top.yellow(), top.red(), top.done(), top.unevaluated(),
                average, reporting.stream().mapToInt(BriefingData.UnitPunctuality::expected).sum(),
                reporting.stream().mapToInt(BriefingData.UnitPunctuality::onTime).sum(),
                reporting.stream().mapToInt(BriefingData.UnitPunctuality::late).sum(),
                reporting.stream().mapToInt(BriefingData.UnitPunctuality::missing).sum(),
                (int) notices.stream().mapToLong(BriefingData.LevelCount::count).sum());
    }

    /** Every unit the briefing names, as it names them ({@link UnitLabels}). */
    private Map<Long, String> labels(List<BriefingData.UnitLights> units, List<BriefingData.UnitPunctuality> reporting,
                                     TaskFigures.RedLeaves leaves, BriefingData.@Nullable Rankings ranked) {
        Map<Long, String> names = new java.util.HashMap<>(leaves.leadUnits());
        if (ranked != null) {
            ranked.groups().forEach(g -> java.util.stream.Stream.concat(g.top().stream(), g.bottom().stream())
                    .filter(r -> r.unitId() != 0).forEach(r -> names.put(r.unitId(), r.unitName())));
        }
        units.forEach(u -> names.put(u.unitId(), u.unitName()));
        reporting.forEach(u -> names.put(u.unitId(), u.unitName()));
        return UnitLabels.of(names, org::ancestorNames);
    }

    /** The rankings with each unit as the rest of the briefing names it. */
    static BriefingData.Rankings labelled(BriefingData.Rankings ranked, Map<Long, String> labels) {
        java.util.function.Function<List<BriefingData.Ranked>, List<BriefingData.Ranked>> each = list -> list.stream()
                .map(r -> new BriefingData.Ranked(r.rank(), r.unitId(), r.unitName(), r.score(), labels.get(r.unitId())))
                .toList();
        return new BriefingData.Rankings(ranked.groups().stream()
                .map(g -> new BriefingData.RankingGroup(g.name(), each.apply(g.top()), each.apply(g.bottom()))).toList());
    }

    /** From the maintained counts; townships first, then departments, each by most red (BY_KIND_THEN_RED). */
    private List<BriefingData.UnitLights> units(long campaignId, DataScope scope) {
        List<UnitCount> counts = lights.counts(campaignId, scope, false).byUnit();
        Map<Long, UnitKind> kinds = org.kindsOf(counts.stream().map(UnitCount::unitId).toList());
        return counts.stream().map(u -> {
            UnitKind kind = Objects.requireNonNull(kinds.get(u.unitId()), "unit " + u.unitId());
            var l = u.tally().lights();
            return new BriefingData.UnitLights(u.unitId(), u.unitName(), kind.name(), u.tally().total(),
                    l.get(Light.GREEN), l.get(Light.YELLOW), l.get(Light.RED), l.get(Light.DONE));
        }).sorted(BY_KIND_THEN_RED).toList();
    }

    /** Counties and townships first, then departments, then the rest; each by most red, then name. */
    private static final Comparator<BriefingData.UnitLights> BY_KIND_THEN_RED = Comparator
            .comparingInt((BriefingData.UnitLights u) -> kindOrder(u.kind()))
            .thenComparing(BriefingData.UnitLights::red, Comparator.reverseOrder())
            .thenComparing(BriefingData.UnitLights::unitName).thenComparingLong(BriefingData.UnitLights::unitId);

    private static int kindOrder(String kind) {
        return kind.equals(UnitKind.TOWNSHIP.name()) || kind.equals(UnitKind.COUNTY.name()) || kind.equals(UnitKind.CITY.name())
                ? 0 : kind.equals(UnitKind.DEPARTMENT.name()) ? 1 : 2;
    }

    /**
     * Red tasks where the work is done (a parent is red through these), by unit, least progress first: all of them
     * up to {@link #RED_LISTED}, else the {@code RED_LISTED} least advanced (the rest are counted, not listed).
     */
    static List<BriefingData.RedTask> redTasks(TaskFigures.RedLeaves leaves, Map<Long, String> labels) {
        // read least progress first, then id: a stable sort keeps equal unit and progress in id order, as before
        return leaves.leastAdvanced().stream()
                .sorted(Comparator.comparing((TaskFigures.RedLeaf t) -> labels.get(t.leadUnitId()))
                        .thenComparing(TaskFigures.RedLeaf::progress).thenComparing(TaskFigures.RedLeaf::id))
                .map(t -> new BriefingData.RedTask(t.id(), t.title(), t.category(), labels.get(t.leadUnitId()),
                        t.leadLeaderName(), t.progress(), t.reasons())).toList();
    }
}
