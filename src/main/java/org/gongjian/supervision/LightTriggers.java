package org.gongjian.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gongjian.campaign.TaskChanged;
import org.gongjian.report.ReportApproved;
import org.gongjian.report.ReportReturned;
import org.gongjian.report.ReportSubmitted;
import org.springframework.context.event.EventListener;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
        LightEvaluation.Summary relit = lights.evaluateChain(approved.affectedTaskIds(), LocalDate.now(clock));
        if (relit.evaluated() > 0) {
            FactMarks marks = FactMarks.ofTransaction(lights);
            if (marks != null) {
                marks.relit(approved.affectedTaskIds());
            }
        }
    }

    @EventListener
    void on(TaskChanged changed) {
        if (changed.change() == TaskChanged.Change.EDITED) {
            lights.evaluateChain(changed.affectedTaskIds(), LocalDate.now(clock));
        } else if (changed.change() == TaskChanged.Change.PROGRESSED) {
            // actuals fed, progress reached: the daily run re-lights — marked at commit (see FactMarks)
            FactMarks marks = FactMarks.ofTransaction(lights);
            if (marks == null) {
                lights.factsChanged(changed.affectedTaskIds());
            } else {
                marks.changed(changed.affectedTaskIds());
            }
        }
        // CREATED: a new task has no light yet; the daily run finds it, and re-lights its parent with it
    }

    /**
     * The tasks a transaction marked for the next daily run, written just before it commits — less the ones it
     * re-lit itself after their facts changed (an approval: {@code TaskProgress.apply} publishes PROGRESSED for the
     * chain, then {@link ReportApproved} re-lights that very chain with the new facts in the same transaction). The
     * mark (check date cleared) would only be overwritten by the re-light's own check date a few statements later:
     * one UPDATE, and the state rows' locked re-read and rewrite when the check date has not moved (issue #18).
     */
    private static final class FactMarks implements TransactionSynchronization {

        private final LightEvaluation lights;
        private final Set<Long> marked = new LinkedHashSet<>();

        private FactMarks(LightEvaluation lights) {
            this.lights = lights;
        }

        /** This transaction's marks, registered on first use; null outside a transaction (mark at once then). */
        static @Nullable FactMarks ofTransaction(LightEvaluation lights) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                return null;
            }
            for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
                if (registered instanceof FactMarks marks) {
                    return marks;
                }
            }
            FactMarks marks = new FactMarks(lights);
            TransactionSynchronizationManager.registerSynchronization(marks);
            return marks;
        }

        void changed(Collection<Long> taskIds) {
            marked.addAll(taskIds);
        }

        /** Re-lit in this transaction after their facts changed: the re-light wrote what the daily run would. */
        void relit(Collection<Long> taskIds) {
            marked.removeAll(taskIds);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!marked.isEmpty()) {
                lights.factsChanged(List.copyOf(marked));
            }
        }
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
