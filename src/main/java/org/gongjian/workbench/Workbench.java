package org.gongjian.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gongjian.briefing.Cockpit;
import org.gongjian.briefing.Dashboard;
import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.LedTasks;
import org.gongjian.campaign.Light;
import org.gongjian.identity.CurrentUser;
import org.gongjian.identity.Role;
import org.gongjian.report.ReportDesk;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.report.ReviewQueue;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.PageQuery;
import org.gongjian.supervision.LightEvaluation;
import org.gongjian.supervision.NoticeService;
import org.gongjian.supervision.NoticeStatus;
import org.gongjian.supervision.SupervisionFigures;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * 工作台: what each role has to do today, as counts that are links and the few items most urgent. A liaison sees the
 * reports she owes; a unit head the reports waiting for him and his unit's red tasks; the office what waits for its
 * review, red tasks by unit, overdue notices and the units late this period; a leader and the organisation
 * department the campaign's headline figures and their own 包保 tasks. Everything comes from the modules' public
 * read APIs, inside the user's data scope.
 */
@Service
// No transaction of its own: the cockpit refreshes its period figures as it reads (a write), which a read-only
// transaction around the whole page refuses on PostgreSQL. Each module's read runs in its own.
public class Workbench {

    /** How many items a panel lists under its counts: the rest is one tap away on the full page. */
    static final int ITEMS = 5;

    /** A figure on the home page; every one is a link to the list behind it. */
    public record Count(String labelKey, long n, String href, Tone tone, String id) {}

    /** One thing to do, with where to do it. */
    public record Entry(String title, @Nullable String detail, String href, @Nullable String badge, Tone tone) {}

    public record Panel(String id, String titleKey, List<Count> counts, List<Entry> entries, @Nullable String moreHref,
                 @Nullable String emptyKey) {}

    public record Home(@Nullable CampaignView campaign, List<Panel> panels) {}

    /** Colour by urgency, as the office reads it: red needs action now, amber soon. */
    public enum Tone { DANGER, WARNING, INFO, OK, PLAIN;

        static Tone of(long n, Tone whenAny) {
            return n > 0 ? whenAny : OK;
        }

        public String css() {
            return "gj-tone-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final CampaignService campaigns;
    private final ReportDesk desk;
    private final ReviewQueue reviews;
    private final SupervisionFigures supervision;
    private final LightEvaluation lights;
    private final NoticeService notices;
    private final LedTasks ledTasks;
    private final Cockpit cockpit;
    private final Clock clock;
    private final org.gongjian.talent.RequestService talentRequests;
    private final org.gongjian.deployment.WorkLogService workLogs;
    private final org.gongjian.deployment.PresenceService presence;

    Workbench(CampaignService campaigns, ReportDesk desk, ReviewQueue reviews, SupervisionFigures supervision,
              LightEvaluation lights, NoticeService notices, LedTasks ledTasks, Cockpit cockpit, Clock clock,
              org.gongjian.talent.RequestService talentRequests, org.gongjian.deployment.WorkLogService workLogs,
              org.gongjian.deployment.PresenceService presence) {
        this.talentRequests = talentRequests;
        this.workLogs = workLogs;
        this.presence = presence;
        this.campaigns = campaigns;
        this.desk = desk;
        this.reviews = reviews;
        this.supervision = supervision;
        this.lights = lights;
        this.notices = notices;
        this.ledTasks = ledTasks;
        this.cockpit = cockpit;
        this.clock = clock;
    }

    Home home(CurrentUser user, DataScope scope) {
        CampaignView campaign = campaigns.current(scope).orElse(null);
        List<Panel> panels = new ArrayList<>();
        boolean office = user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
        boolean unitRole = user.has(Role.LIAISON) || user.has(Role.UNIT_HEAD);
        if (unitRole) {
            panels.add(reportsOwed(scope));
        }
        if (office || user.has(Role.UNIT_HEAD)) {
            panels.add(review(user, scope));
        }
        if (campaign != null && office) {
            panels.add(office(campaign, scope));
        }
        if (campaign != null && unitRole && !office) {
            panels.add(unitTasks(campaign, scope));
        }
        if (campaign != null && (user.has(Role.LEADER) || user.has(Role.ORG_DEPT))) {
            panels.add(headline(campaign, scope));
        }
        if (user.personId() != null && (user.has(Role.LEADER) || user.has(Role.CADRE) || user.has(Role.UNIT_HEAD))) {
            panels.add(ledByMe(user.personId(), scope));
        }
        if (user.has(Role.TALENT_OFFICE)) {
            panels.add(talentDesk(scope));
        }
        if (user.has(Role.CADRE)) {
            onSite(user).ifPresent(panels::add);
        }
        if (user.has(Role.ORG_DEPT)) {
            panels.add(shortOfDays(scope));
        }
        return new Home(campaign, panels);
    }

    /** A deployed cadre: this month's days on site against the rule, and the work log one tap away. */
    private java.util.Optional<Panel> onSite(CurrentUser user) {
        java.time.YearMonth month = java.time.YearMonth.now(clock);
        List<Count> figures = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (var d : workLogs.myDeployments(user)) {
            presence.months(d).stream().filter(m -> m.month().equals(month)).findFirst().ifPresent(m -> {
                Tone tone = !m.isShort() ? Tone.OK : m.reachable() ? Tone.WARNING : Tone.DANGER;
                figures.add(new Count("work.site.days", m.days(), "/work-logs", tone, "site-days-" + d.id()));
                figures.add(new Count("work.site.required", m.required(), "/work-logs", Tone.PLAIN, "site-required-" + d.id()));
                entries.add(new Entry(d.targetUnitName() + " · " + d.batchName(), m.explanation(), "/work-logs/new",
                        "写日志", tone));
            });
        }
        return figures.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new Panel("site", "work.panel.site", figures, entries, "/work-logs", null));
    }

    /** The organisation department: cadres short of days on site this month. */
    private Panel shortOfDays(DataScope scope) {
        var shortRows = presence.shortfalls(java.time.YearMonth.now(clock), null, scope);
        long hopeless = shortRows.stream().filter(r -> !r.month().reachable()).count();
        List<Count> figures = List.of(
                new Count("work.site.short", shortRows.size(), "/deployments/presence", Tone.of(shortRows.size(), Tone.WARNING), "site-short"),
                new Count("work.site.unreachable", hopeless, "/deployments/presence", Tone.of(hopeless, Tone.DANGER), "site-unreachable"));
        List<Entry> entries = shortRows.stream().filter(r -> !r.month().reachable()).limit(ITEMS)
                .map(r -> new Entry(r.deployment().personName() + " · " + r.deployment().targetUnitName(), r.month().explanation(),
                        "/deployments/" + r.deployment().id(), null, Tone.DANGER)).toList();
        return new Panel("presence", "work.panel.presence", figures, entries, "/deployments/presence", "work.site.none");
    }

    /** The talent office's desk: requests open, overdue (red) and the overdue ones to chase first. */
    private Panel talentDesk(DataScope scope) {
        long open = java.util.Arrays.stream(org.gongjian.talent.RequestStatus.values()).filter(org.gongjian.talent.RequestStatus::open)
                .mapToLong(s -> talentRequests.requests(s, null, null, false, scope, new PageQuery(0, 1)).total()).sum();
        var overdue = talentRequests.requests(null, null, null, true, scope, new PageQuery(0, ITEMS));
        List<Count> figures = List.of(
                new Count("work.talent.open", open, "/talent/requests", Tone.PLAIN, "talent-open"),
                new Count("work.talent.overdue", overdue.total(), "/talent/requests", Tone.of(overdue.total(), Tone.DANGER), "talent-overdue"));
        List<Entry> entries = overdue.items().stream().map(r -> new Entry(r.talentName() + " · " + r.policyName(),
                r.unitName() + " · 应于 " + r.dueOn() + " 办结", "/talent/requests/" + r.id(), r.status().label(), Tone.DANGER)).toList();
        return new Panel("talent", "work.panel.talent", figures, entries, "/talent/requests", "work.talent.none");
    }

    /** The liaison's chore list: returned first, then late, due, drafts — each straight into its report form. */
    private Panel reportsOwed(DataScope scope) {
        List<ReportDesk.Todo> todo = desk.todo(scope);
        Map<ReportDesk.TodoKind, Long> byKind = new EnumMap<>(ReportDesk.TodoKind.class);
        todo.forEach(t -> byKind.merge(t.kind(), 1L, Long::sum));
        List<Count> counts = List.of(
                count("work.reports.returned", byKind, ReportDesk.TodoKind.RETURNED, Tone.DANGER),
                count("work.reports.late", byKind, ReportDesk.TodoKind.LATE, Tone.DANGER),
                count("work.reports.due", byKind, ReportDesk.TodoKind.DUE, Tone.WARNING),
                count("work.reports.draft", byKind, ReportDesk.TodoKind.DRAFT, Tone.INFO));
        List<Entry> entries = todo.stream().limit(ITEMS).map(t -> new Entry(t.task().title(),
                t.period().displayName() + " · 截止 " + t.period().deadline(),
                t.reportId() != null ? "/reports/" + t.reportId() + "/edit"
                        : "/tasks/" + t.task().id() + "/reports/new?period=" + t.period().label(),
                t.kind().label(), t.kind() == ReportDesk.TodoKind.DUE ? Tone.WARNING
                        : t.kind() == ReportDesk.TodoKind.DRAFT ? Tone.INFO : Tone.DANGER)).toList();
        return new Panel("reports", "work.panel.reports", counts, entries, "/reports", "work.reports.none");
    }

    private static Count count(String key, Map<ReportDesk.TodoKind, Long> byKind, ReportDesk.TodoKind kind, Tone tone) {
        long n = byKind.getOrDefault(kind, 0L);
        return new Count(key, n, "/reports", Tone.of(n, tone), "reports-" + kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Reports waiting for this reviewer, oldest first. */
    private Panel review(CurrentUser user, DataScope scope) {
        ReviewQueue.Summary queue = reviews.summary(user, scope, ITEMS);
        List<Entry> entries = queue.oldest().stream().map(w -> new Entry(w.taskTitle(),
                w.unitName() + " · " + w.periodName(), "/reports/" + w.reportId(), w.late() ? "迟报" : null,
                w.late() ? Tone.WARNING : Tone.PLAIN)).toList();
        return new Panel("review", "work.panel.review",
                List.of(new Count("work.review.waiting", queue.total(), "/reports", Tone.of(queue.total(), Tone.WARNING), "review")),
                entries, "/reports", "work.review.none");
    }

    /** The office: red tasks by unit, overdue notices, units late for the last period due. */
    private Panel office(CampaignView campaign, DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        LightEvaluation.LightCounts counts = lights.counts(campaign.id(), scope, false);
        long red = lit(counts, Light.RED);
        long yellow = lit(counts, Light.YELLOW);
        long overdue = supervision.noticesByLevel(campaign.id(), scope, today).stream()
                .mapToLong(SupervisionFigures.NoticeCount::overdue).sum();
        ReportingPeriod due = lastDue(campaign, today);
        long lateUnits = due == null ? 0 : desk.byUnit(campaign.id(), due, scope).stream()
                .filter(u -> u.notIn() + u.late() > 0).count();
        String tasks = "/campaigns/" + campaign.id() + "/tasks";
        List<Count> figures = new ArrayList<>(List.of(
                new Count("work.office.red", red, tasks + "?light=RED", Tone.of(red, Tone.DANGER), "office-red"),
                new Count("work.office.yellow", yellow, tasks + "?light=YELLOW", Tone.of(yellow, Tone.WARNING), "office-yellow"),
                new Count("work.office.overdueNotices", overdue, "/supervision/notices?status=OPEN", Tone.of(overdue, Tone.DANGER), "office-overdue")));
        if (due != null) {
            figures.add(new Count("work.office.lateUnits", lateUnits, "/campaigns/" + campaign.id() + "/reporting?period=" + due.label(),
                    Tone.of(lateUnits, Tone.WARNING), "office-late-units"));
        }
        List<Entry> byUnit = counts.byUnit().stream()
                .filter(u -> u.tally().lights().getOrDefault(Light.RED, 0L) > 0)
                .sorted(Comparator.comparing((LightEvaluation.UnitCount u) -> u.tally().lights().getOrDefault(Light.RED, 0L)).reversed()
                        .thenComparing(LightEvaluation.UnitCount::unitName))
                .limit(ITEMS)
                .map(u -> new Entry(u.unitName(), "红灯 " + u.tally().lights().getOrDefault(Light.RED, 0L) + " 项 · 共 " + u.tally().total() + " 项",
                        tasks + "?light=RED&unitId=" + u.unitId(), null, Tone.DANGER)).toList();
        return new Panel("office", "work.panel.office", figures, byUnit, "/supervision/lights", "work.office.none");
    }

    /** A unit's own red and yellow tasks and the notices it has to answer. */
    private Panel unitTasks(CampaignView campaign, DataScope scope) {
        LightEvaluation.LightCounts counts = lights.counts(campaign.id(), scope, false);
        long red = lit(counts, Light.RED);
        long yellow = lit(counts, Light.YELLOW);
        long open = notices.notices(NoticeStatus.OPEN, null, null, null, scope, new PageQuery(0, 1)).total();
        String tasks = "/campaigns/" + campaign.id() + "/tasks";
        List<Count> figures = List.of(
                new Count("work.unit.red", red, tasks + "?light=RED", Tone.of(red, Tone.DANGER), "unit-red"),
                new Count("work.unit.yellow", yellow, tasks + "?light=YELLOW", Tone.of(yellow, Tone.WARNING), "unit-yellow"),
                new Count("work.unit.notices", open, "/supervision/notices?status=OPEN", Tone.of(open, Tone.DANGER), "unit-notices"));
        LocalDate today = LocalDate.now(clock);
        List<Entry> redTasks = supervision.longestRed(campaign.id(), scope, ITEMS).stream()
                .map(r -> new Entry(r.title(), "红灯已持续" + ChronoUnit.DAYS.between(r.since(), today) + "天（自" + r.since() + "）"
                        + (r.reasons().isEmpty() ? "" : "：" + r.reasons().get(0)), "/tasks/" + r.taskId(), r.unitName(), Tone.DANGER))
                .toList();
        return new Panel("unit", "work.panel.unit", figures, redTasks, tasks, "work.unit.none");
    }

    /** The cockpit's headline figures, one tap from the cockpit itself. */
    private Panel headline(CampaignView campaign, DataScope scope) {
        Dashboard d = cockpit.dashboard(campaign.id(), null, scope);
        String tasks = "/campaigns/" + campaign.id() + "/tasks";
        List<Count> figures = new ArrayList<>(List.of(
                new Count("work.head.tasks", d.lights().total(), tasks, Tone.PLAIN, "head-tasks"),
                new Count("work.head.red", d.lights().red(), tasks + "?light=RED", Tone.of(d.lights().red(), Tone.DANGER), "head-red"),
                new Count("work.head.yellow", d.lights().yellow(), tasks + "?light=YELLOW", Tone.of(d.lights().yellow(), Tone.WARNING), "head-yellow"),
                new Count("work.head.done", d.lights().done(), tasks + "?light=DONE", Tone.INFO, "head-done")));
        long overdue = d.notices().stream().mapToLong(Dashboard.NoticeRow::overdue).sum();
        figures.add(new Count("work.office.overdueNotices", overdue, "/supervision/notices?status=OPEN", Tone.of(overdue, Tone.DANGER), "head-overdue"));
        // the figures not already counted above: progress, punctuality, pledges — each with last period beside it
        List<Entry> kpis = d.kpis().stream().filter(k -> !"red".equals(k.key()) && !"overdueNotices".equals(k.key()))
                .map(k -> new Entry(k.label() + " " + k.current().stripTrailingZeros().toPlainString() + k.unit(),
                k.previous() == null ? null : "上期 " + k.previous().stripTrailingZeros().toPlainString() + k.unit(),
                "/campaigns/" + campaign.id() + "/cockpit", null, Tone.PLAIN)).toList();
        return new Panel("headline", "work.panel.headline", figures, kpis, "/campaigns/" + campaign.id() + "/cockpit", null);
    }

    /** Tasks this person answers for as lead leader (包保/牵头领导), by light. */
    private Panel ledByMe(long personId, DataScope scope) {
        List<LedTasks.LedTask> led = ledTasks.ledBy(personId, scope);
        Map<Light, Long> byLight = new EnumMap<>(Light.class);
        led.forEach(t -> byLight.merge(t.light() == null ? Light.GREEN : t.light(), 1L, Long::sum));
        long red = byLight.getOrDefault(Light.RED, 0L);
        long yellow = byLight.getOrDefault(Light.YELLOW, 0L);
        List<Count> figures = List.of(
                new Count("work.mine.all", led.size(), "/my/tasks", Tone.PLAIN, "mine-all"),
                new Count("work.mine.red", red, "/my/tasks", Tone.of(red, Tone.DANGER), "mine-red"),
                new Count("work.mine.yellow", yellow, "/my/tasks", Tone.of(yellow, Tone.WARNING), "mine-yellow"));
        List<Entry> worst = led.stream().filter(t -> t.light() == Light.RED || t.light() == Light.YELLOW)
                .sorted(Comparator.comparing((LedTasks.LedTask t) -> t.light() == Light.RED ? 0 : 1).thenComparing(LedTasks.LedTask::dueDate))
                .limit(ITEMS)
                .map(t -> new Entry(t.title(), t.leadUnitName() + " · 进度 " + t.progress().stripTrailingZeros().toPlainString() + "% · 截止 " + t.dueDate(),
                        "/tasks/" + t.id(), t.light() == Light.RED ? "红灯" : "黄灯", t.light() == Light.RED ? Tone.DANGER : Tone.WARNING))
                .toList();
        return new Panel("mine", "work.panel.mine", figures, worst, "/my/tasks", "work.mine.none");
    }

    private static long lit(LightEvaluation.LightCounts counts, Light light) {
        return counts.byUnit().stream().mapToLong(u -> u.tally().lights().getOrDefault(light, 0L)).sum();
    }

    /** The last period whose deadline has passed (what "this period's late units" means on any given day). */
    static @Nullable ReportingPeriod lastDue(CampaignView campaign, LocalDate today) {
        LocalDate inCampaign = today.isAfter(campaign.endDate()) ? campaign.endDate() : today;
        if (inCampaign.isBefore(campaign.startDate())) {
            return null;
        }
        ReportingPeriod p = ReportingPeriod.containing(inCampaign, campaign);
        while (!p.deadline().isBefore(today)) {
            if (p.start().isBefore(campaign.startDate()) || !p.end().isAfter(campaign.startDate())) {
                return null;
            }
            p = p.previous();
        }
        return p;
    }
}
