package org.gongjian.briefing.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.Light;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.org.OrgService;
import org.gongjian.org.UnitKind;
import org.gongjian.shared.DataScope;
import org.gongjian.supervision.LightEvaluation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds a briefing's {@link BriefingData} from the other modules' public services, seen from the campaign's owner
 * unit (the office writes for the whole campaign). Lights are as they stand when assembled; publishing freezes them.
 */
@Component
class BriefingAssembler {

    private final TaskService tasks;
    private final LightEvaluation lights;
    private final OrgService org;
    private final MonthActivity activity;
    private final ObjectProvider<RankingSource> rankings;
    private final Clock clock;

    BriefingAssembler(TaskService tasks, LightEvaluation lights, OrgService org, MonthActivity activity,
                      ObjectProvider<RankingSource> rankings, Clock clock) {
        this.tasks = tasks;
        this.lights = lights;
        this.org = org;
        this.activity = activity;
        this.rankings = rankings;
        this.clock = clock;
    }

    BriefingData assemble(CampaignView campaign, BriefingPeriod period, BriefingSettings settings,
                          BriefingData.@Nullable Narrative edited) {
        DataScope scope = org.scopeOf(campaign.ownerUnitId()).orElse(DataScope.everything());
        List<TaskView> all = tasks.tasksForEvaluation(campaign.id());
        List<BriefingData.UnitPunctuality> reporting = activity.reporting(campaign, period, scope);
        List<BriefingData.LevelCount> notices = activity.notices(campaign.id(), period, scope);
        BriefingData.Figures figures = figures(all, reporting, notices);
        List<BriefingData.UnitLights> units = units(campaign.id(), scope);
        List<BriefingData.RedTask> red = redTasks(all);
        BriefingData.Narrative narrative = edited != null ? edited : new BriefingData.Narrative(
                BriefingText.defaultOverview(figures), BriefingText.defaultCommendations(units, reporting),
                BriefingText.defaultNextSteps(figures, red));
        LocalDate today = LocalDate.now(clock);
        BriefingData.Head head = new BriefingData.Head(settings.issuingUnit(), null, today,
                BriefingText.title(period), "各乡镇（街道）、县直有关部门：");
        return new BriefingData(campaign.id(), campaign.name(), period.label(), head, figures, units, red, notices,
                reporting, rankings.stream().findFirst().flatMap(r -> r.rankings(campaign.id(), period)).orElse(null),
                narrative);
    }

    /** The campaign's own list (top-level tasks): counts per light and the plain average of their progress. */
    static BriefingData.Figures figures(List<TaskView> all, List<BriefingData.UnitPunctuality> reporting,
                                        List<BriefingData.LevelCount> notices) {
        List<TaskView> top = all.stream().filter(t -> t.parentTaskId() == null).toList();
        BigDecimal average = top.isEmpty() ? BigDecimal.ZERO : top.stream().map(TaskView::progress)
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(top.size()), 1, RoundingMode.HALF_UP);
        return new BriefingData.Figures(top.size(), count(top, Light.GREEN), count(top, Light.YELLOW),
                count(top, Light.RED), count(top, Light.DONE), (int) top.stream().filter(t -> t.light() == null).count(),
                average, reporting.stream().mapToInt(BriefingData.UnitPunctuality::expected).sum(),
                reporting.stream().mapToInt(BriefingData.UnitPunctuality::onTime).sum(),
                reporting.stream().mapToInt(BriefingData.UnitPunctuality::late).sum(),
                reporting.stream().mapToInt(BriefingData.UnitPunctuality::missing).sum(),
                (int) notices.stream().mapToLong(BriefingData.LevelCount::count).sum());
    }

    private static int count(List<TaskView> tasks, Light light) {
        return (int) tasks.stream().filter(t -> t.light() == light).count();
    }

    /** From the maintained counts; townships first, then departments, each by most red. */
    private List<BriefingData.UnitLights> units(long campaignId, DataScope scope) {
        return lights.counts(campaignId, scope, false).byUnit().stream().map(u -> {
            UnitKind kind = org.unit(u.unitId(), DataScope.everything()).kind();
            var l = u.tally().lights();
            return new BriefingData.UnitLights(u.unitId(), u.unitName(), kind.name(), u.tally().total(),
                    l.get(Light.GREEN), l.get(Light.YELLOW), l.get(Light.RED), l.get(Light.DONE));
        }).sorted(Comparator.comparingInt((BriefingData.UnitLights u) -> kindOrder(u.kind()))
                .thenComparing(BriefingData.UnitLights::red, Comparator.reverseOrder())
                .thenComparing(BriefingData.UnitLights::unitName)).toList();
    }

    private static int kindOrder(String kind) {
        return kind.equals(UnitKind.TOWNSHIP.name()) ? 0 : kind.equals(UnitKind.DEPARTMENT.name()) ? 1 : 2;
    }

    /** Red tasks where the work is done (a parent is red through these), by unit, least progress first. */
    static List<BriefingData.RedTask> redTasks(List<TaskView> all) {
        return all.stream().filter(t -> t.light() == Light.RED && t.subtaskCount() == 0)
                .sorted(Comparator.comparing(TaskView::leadUnitName).thenComparing(TaskView::progress))
                .map(t -> new BriefingData.RedTask(t.id(), t.title(), t.category(), t.leadUnitName(), t.leadLeaderName(),
                        t.progress(), t.lightReasons())).toList();
    }
}
