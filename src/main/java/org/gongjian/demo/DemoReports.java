package org.gongjian.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gongjian.campaign.CampaignService;
import org.gongjian.campaign.CampaignView;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.identity.UserService;
import org.gongjian.report.ReportBackfill;
import org.gongjian.report.ReportCommand;
import org.gongjian.report.ReportService;
import org.gongjian.report.ReportView;
import org.gongjian.report.ReportingPeriod;
import org.gongjian.shared.DataScope;
import org.springframework.stereotype.Component;

/**
 * A few months of progress reports for the demo county: most tasks report on time, some late, a few stopped
 * reporting (so supervision has red lights to explain), and in 城关镇 one report waits for its head and one was
 * returned — the review workflow shows itself on first login.
 */
@Component
class DemoReports {

    /** Periods back from the last one whose deadline has passed. */
    static final int MONTHS = 4;

    private final ReportBackfill backfill;
    private final ReportService reports;
    private final TaskService tasks;
    private final CampaignService campaigns;
    private final UserService users;
    private final ZoneId zone;

    DemoReports(ReportBackfill backfill, ReportService reports, TaskService tasks, CampaignService campaigns,
                UserService users, java.time.Clock clock) {
        this.zone = clock.getZone();
        this.backfill = backfill;
        this.reports = reports;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.users = users;
    }

    /** @return the number of reports created */
    int load(long campaignId, long seed, Map<Long, String> liaisons, LocalDate today) {
        DataScope all = DataScope.everything();
        CampaignView campaign = campaigns.setUnitHeadReview(campaignId, true, all);
        Random random = new Random(seed + 7);
        ReportingPeriod last = ReportingPeriod.containing(today, campaign);
        while (!last.deadline().isBefore(today)) {
            last = last.previous();
        }
        List<ReportingPeriod> periods = new ArrayList<>();
        for (ReportingPeriod p = last; periods.size() < MONTHS && !p.end().isBefore(campaign.startDate()); p = p.previous()) {
            periods.add(0, p);
        }
        List<TaskView> led = new ArrayList<>();
        for (Long unit : new java.util.TreeSet<>(tasks.leadUnits(campaignId, all).keySet())) {
            led.addAll(tasks.tasksLedBy(campaignId, unit, all));
        }
        led.sort(java.util.Comparator.comparingLong(TaskView::id));
        int created = 0;
        boolean waiting = false;
        boolean returned = false;
        for (TaskView task : led) {
            if (task.subtaskCount() > 0) {
                continue;
            }
            double dice = random.nextDouble();
            int reported = dice < 0.08 ? periods.size() - 2 : dice < 0.18 ? periods.size() - 1 : periods.size();
            int lateMonth = random.nextDouble() < 0.12 ? random.nextInt(periods.size()) : -1;
            String liaison = liaisons.getOrDefault(task.leadUnitId(), "system");
            boolean live = "lianluo".equals(liaison) && reported == periods.size() && (!waiting || !returned);
            // Newest first: the newest value equals today's actual, so older months never rewrite the task (fast).
            for (int k = reported - 1; k >= 0; k--) {
                ReportingPeriod p = periods.get(k);
                if (live && k == reported - 1) {
                    created += liveReport(task, p, liaison, waiting);
                    if (waiting) {
                        returned = true;
                    }
                    waiting = true;
                    continue;
                }
                LocalDate handedIn = k == lateMonth ? p.deadline().plusDays(2 + random.nextInt(5))
                        : p.deadline().minusDays(random.nextInt(4));
                var submitted = handedIn.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60))).atZone(zone).toInstant();
                backfill.approved(new ReportBackfill.Historical(task.id(), p.label(), values(task, k + 1, periods.size()),
                        p.displayName() + "：" + progress(task, random), "部分资金尚未到位", "加快推进，确保按节点完成",
                        liaison, submitted, "duchashi", submitted.plusSeconds(86_400L + random.nextInt(86_400))));
                created++;
            }
        }
        return created;
    }

    /** In 城关镇: the first such task's latest report waits for the head, the second was returned by him. */
    private int liveReport(TaskView task, ReportingPeriod p, String liaison, boolean returnIt) {
        var liaisonUser = users.asCurrentUser(liaison).orElseThrow();
        ReportView draft = reports.start(task.id(), new ReportCommand(p.label(), values(task, 1, 1),
                p.displayName() + "：各项工作按计划推进，已完成阶段目标", "群众参与度有待提高", "下月完成验收", null),
                liaisonUser, DataScope.everything());
        reports.submit(draft.id(), null, liaisonUser, DataScope.everything());
        if (returnIt) {
            var head = users.asCurrentUser("zhenzhang").orElseThrow();
            reports.returnReport(draft.id(), null, "请补充现场照片和验收材料", head, DataScope.everything());
        }
        return 1;
    }

    /** Along a straight line from the baseline to today's actual: the last approved month equals the task's actual. */
    private static List<ReportView.IndicatorValue> values(TaskView task, int month, int months) {
        List<ReportView.IndicatorValue> values = new ArrayList<>();
        for (TaskView.IndicatorView i : task.indicators()) {
            if (i.actual() == null) {
                continue;
            }
            BigDecimal span = i.actual().subtract(i.baseline());
            BigDecimal value = i.baseline().add(span.multiply(BigDecimal.valueOf(month))
                    .divide(BigDecimal.valueOf(months), Math.max(i.actual().scale(), 0), RoundingMode.HALF_UP));
            values.add(new ReportView.IndicatorValue(i.id(), value));
        }
        return values;
    }

    private static String progress(TaskView task, Random random) {
        String[] phrases = {"召开专题推进会，明确责任分工", "完成现场踏勘和方案编制", "主体工程按计划推进",
                "组织入户走访，收集群众意见", "开展督导检查，整改问题", "落实配套资金，推进项目实施"};
        return phrases[random.nextInt(phrases.length)] + "；" + task.title().replaceAll("^.*：", "") + "进展顺利";
    }
}
