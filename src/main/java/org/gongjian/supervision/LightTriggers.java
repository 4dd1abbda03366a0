package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.campaign.TaskChanged;
import org.gongjian.report.ReportApproved;
import org.gongjian.report.ReportReturned;
import org.gongjian.report.ReportSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lights follow every relevant change at once, in the same transaction (a light and the change that caused it commit
 * together): an approved report (new actuals, milestones done) re-lights the task and the ancestors its progress
 * reached; an edited task (dates, targets, milestones) re-lights it and its ancestors. New tasks and the passing of
 * time are the daily evaluation's (an import of thousands of tasks stays one bulk write), and so are the facts that
 * change often (a submitted report): they only mark the task for the next daily run, one statement.
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
        } else if (changed.change() == TaskChanged.Change.PROGRESSED) {
            lights.factsChanged(changed.affectedTaskIds());   // actuals fed, progress reached: the daily run re-lights
        }
        // CREATED: a new task has no light yet; the daily run finds it, and re-lights its parent with it
    }

    /** A submitted (or resubmitted) report changes its period from missing to on time or late. */
    @EventListener
    void on(ReportSubmitted submitted) {
        lights.factsChanged(List.of(submitted.report().taskId()));
    }

    /** A returned report is no longer the task's latest approved one. */
    @EventListener
    void on(ReportReturned returned) {
        lights.factsChanged(List.of(returned.report().taskId()));
    }
}
