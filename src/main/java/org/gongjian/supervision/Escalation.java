package org.gongjian.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import org.gongjian.campaign.TaskFigures;
import org.gongjian.campaign.TaskService;
import org.gongjian.campaign.TaskView;
import org.gongjian.shared.DataScope;
import org.gongjian.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation rules (DESIGN.md "Status lights"), run once a day:
 * (a) a task red without a break for {@value #RED_DAYS} days or more and with no notice being handled → an automatic
 * 催办 to its lead unit (once per red stretch); (b) an OPEN notice past its response date → the next level
 * (催办 → 督办 to the lead leader, 督办 → 约谈; 约谈 → 问责 only by hand); (c) a second 督办 on the same task → 约谈.
 * Each notice is its own transaction; the unique keys (auto_key, escalated_from_id) make a second run the same day,
 * or a concurrent run on another node, create nothing new.
 */
@Service
public class Escalation {

    private static final Logger log = LoggerFactory.getLogger(Escalation.class);

    /** Days a task must have been red before the rules urge its lead unit. */
    public static final int RED_DAYS = 7;
    static final String SYSTEM = "system";

    private final LightStore lights;
    private final NoticeStore store;
    private final NoticeService notices;
    private final TaskService tasks;
    private final TaskFigures figures;
    private final TransactionTemplate tx;

    Escalation(LightStore lights, NoticeStore store, NoticeService notices, TaskService tasks, TaskFigures figures,
               PlatformTransactionManager transactions) {
        this.figures = figures;
        this.lights = lights;
        this.store = store;
        this.notices = notices;
        this.tasks = tasks;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What a run issued. */
    public record Result(LocalDate asOf, int urged, int escalated, int interviews) {}

    public Result run(LocalDate asOf) {
        int urged = 0;
        List<LightStore.RedStretch> reds = lights.redSince(asOf.minusDays(RED_DAYS));
        // Most long-red tasks were urged on an earlier day or have a notice being handled: leave those out in a few
        // statements, not a transaction each (a city's 100,000 red tasks made the daily run take minutes). urge()
        // checks again inside its transaction, against a notice issued meanwhile by another node.
        NoticeStore.Settled settled = reds.isEmpty() ? new NoticeStore.Settled(java.util.Set.of(), java.util.Set.of())
                : store.settled(reds.stream().map(LightStore.RedStretch::taskId).distinct().toList(),
                        reds.stream().map(Escalation::urgeKey).toList());
        List<LightStore.RedStretch> open = reds.stream().filter(red -> !settled.activeTasks().contains(red.taskId())
                && !settled.takenKeys().contains(urgeKey(red))).toList();
        // a parent red only through its subtasks is never urged (its subtasks' lead units are): left out here too,
        // in a read per thousand, or every run re-read each such parent in a transaction of its own
        java.util.Set<Long> throughSubtasks = redThroughSubtasksOnly(open.stream().map(LightStore.RedStretch::taskId)
                .distinct().toList());
        for (LightStore.RedStretch red : open) {
            if (throughSubtasks.contains(red.taskId())) {
                continue;
            }
            if (once(() -> urge(red, asOf))) {
                urged++;
            }
        }
        int escalated = 0;
        for (long id : store.openPastDue(asOf)) {
            if (once(() -> escalateOverdue(id, asOf))) {
                escalated++;
            }
        }
        int interviews = 0;
        for (long id : store.secondSupervise()) {
            if (once(() -> interview(id, asOf))) {
                interviews++;
            }
        }
        return new Result(asOf, urged, escalated, interviews);
    }

    /** One notice in its own transaction; a duplicate (another node was quicker) rolls back only this one. */
    private boolean once(Supplier<Boolean> work) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> work.get()));
        } catch (DataIntegrityViolationException | DomainException e) {
            log.info("escalation step skipped: {}", e.getMessage());
            return false;
        }
    }

    private boolean urge(LightStore.RedStretch red, LocalDate asOf) {
        String key = urgeKey(red);
        if (store.autoKeyExists(key) || store.hasActive(red.taskId())) {
            return false;
        }
        TaskView task = tasks.task(red.taskId(), DataScope.everything());
        List<String> reasons = task.lightReasons();
        if (throughSubtasksOnly(reasons)) {
            return false; // red only through its subtasks: their lead units are urged, not the parent's
        }
        long days = ChronoUnit.DAYS.between(red.since(), asOf);
        LocalDate due = asOf.plusDays(NoticeService.RESPONSE_DAYS);
        String text = "该任务已连续红灯" + days + "天：" + String.join("；", reasons) + "。请于"
                + NoticeService.RESPONSE_DAYS + "日内（" + due + "前）报送整改情况。";
        notices.issue(task, task.leadUnitId(), NoticeLevel.URGE, NoticeService.clip(text, 2000), due,
                NoticeOrigin.AUTO, null, key, SYSTEM);
        return true;
    }

    /** Whether a task's light reasons are all its subtasks' (子任务“…”亮红灯): it is red only through them. */
    static boolean throughSubtasksOnly(List<String> reasons) {
        return !reasons.isEmpty() && reasons.stream().allMatch(r -> r.startsWith("子任务“"));
    }

    private java.util.Set<Long> redThroughSubtasksOnly(List<Long> taskIds) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (int from = 0; from < taskIds.size(); from += 1_000) {
            figures.lightReasons(taskIds.subList(from, Math.min(taskIds.size(), from + 1_000))).forEach((id, reasons) -> {
                if (throughSubtasksOnly(reasons)) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    /** The automatic 催办's key: one per task and red stretch. */
    private static String urgeKey(LightStore.RedStretch red) {
        return "URGE:" + red.taskId() + ":" + red.since();
    }

    private boolean escalateOverdue(long id, LocalDate asOf) {
        NoticeView notice = store.find(id, asOf).orElse(null);
        if (notice == null || notice.status() != NoticeStatus.OPEN || !notice.responseDue().isBefore(asOf)
                || notice.level().compareTo(NoticeLevel.INTERVIEW) >= 0) {
            return false;
        }
        notices.escalate(notice, null, NoticeOrigin.AUTO, SYSTEM);
        return true;
    }

    private boolean interview(long id, LocalDate asOf) {
        NoticeView notice = store.find(id, asOf).orElse(null);
        if (notice == null || notice.status() != NoticeStatus.OPEN || notice.level() != NoticeLevel.SUPERVISE) {
            return false;
        }
        LocalDate due = asOf.plusDays(NoticeService.RESPONSE_DAYS);
        notices.escalate(notice, "该任务已第二次被督办（第" + notice.id() + "号督办单），列入约谈：请牵头单位主要负责人和包保领导于"
                + NoticeService.RESPONSE_DAYS + "日内（" + due + "前）到督查室说明情况并报送整改方案。原要求："
                + NoticeService.sentence(notice.requirement()), NoticeOrigin.AUTO, SYSTEM);
        return true;
    }
}
