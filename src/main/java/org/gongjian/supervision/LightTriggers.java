package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.gongjian.report.ReportApproved;
import org.gongjian.shared.AuditableChange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lights follow every relevant change at once, in the same transaction: an approved report (new actuals, milestones
 * done) and a task edited (dates, targets, milestones). New tasks and the passing of time are the daily evaluation's (an import of thousands of tasks stays one bulk write).
 */
@Component
class LightTriggers {

    private static final Set<String> TASK_CHANGES = Set.of("task.update");

    private final LightEvaluation lights;
    private final Clock clock;

    LightTriggers(LightEvaluation lights, Clock clock) {
        this.lights = lights;
        this.clock = clock;
    }

    @EventListener
    void on(ReportApproved approved) {
        reevaluate(approved.taskId());
    }

    @EventListener
    void on(AuditableChange change) {
        if (TASK_CHANGES.contains(change.action()) && change.entityId() != null) {
            reevaluate(Long.parseLong(change.entityId()));
        }
    }

    /** Only tasks already under supervision: a new task gets its first light from the daily run (or on demand). */
    private void reevaluate(long taskId) {
        if (!lights.history(taskId, 1).isEmpty()) {
            lights.evaluateTask(taskId, LocalDate.now(clock));
        }
    }
}
