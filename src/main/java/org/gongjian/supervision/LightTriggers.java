package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;

import org.gongjian.campaign.TaskChanged;
import org.gongjian.report.ReportApproved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lights follow every relevant change at once, in the same transaction (a light and the change that caused it commit
 * together): an approved report (new actuals, milestones done) re-lights the task and the ancestors its progress
 * reached; an edited task (dates, targets, milestones) re-lights it and its ancestors. New tasks and the passing of
 * time are the daily evaluation's (an import of thousands of tasks stays one bulk write).
 */
@Component
class LightTriggers {

    private final LightEvaluation lights;
    private final Clock clock;

    LightTriggers(LightEvaluation lights, Clock clock) {
        this.lights = lights;
        this.clock = clock;
    }

    @EventListener
    void on(ReportApproved approved) {
        lights.evaluateChain(approved.affectedTaskIds(), LocalDate.now(clock));
    }

    @EventListener
    void on(TaskChanged changed) {
        if (changed.change() == TaskChanged.Change.EDITED) {
            lights.evaluateChain(changed.affectedTaskIds(), LocalDate.now(clock));
        }
    }
}
