package org.gongjian.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Light reasons as a reader sees them: in the words of the day the campaign's lights were last evaluated for
 * ({@code campaign_light_day}, moved by every whole or daily run, which writes nothing else on a day no light moves),
 * so the words agree with the lights they explain and a task read on day D after D's run shows what an evaluation on
 * D writes; before any run, today in the application's clock. A task whose chain was re-lit since, for a later day (an
 * approval before the day's run), is read in that day's words, as its light is that day's ({@link #later}). Without supervision (a campaign-only test context) the
 * lines are shown as stored.
 */
@Component
class TaskReasons {

    private final Clock clock;
    private final ObjectProvider<LightReasonWords> words;
    /**
     * The words once looked up (empty: no supervision in this context): asking the provider for every task read cost a
     * whole evaluation of 100,000 tasks a tenth of its CPU (bean resolution, EvaluationBench JFR, issue #18).
     */
    private volatile java.util.@Nullable Optional<LightReasonWords> resolved;

    TaskReasons(Clock clock, ObjectProvider<LightReasonWords> words) {
        this.clock = clock;
        this.words = words;
    }

    /**
     * The day a task's stored reasons are read in: the later of its campaign's day (whole and daily runs) and its own
     * (a re-light of its chain since), either possibly absent.
     */
    static @Nullable LocalDate later(java.sql.@Nullable Date campaignDay, java.sql.@Nullable Date taskDay) {
        return later(campaignDay == null ? null : campaignDay.toLocalDate(), taskDay == null ? null : taskDay.toLocalDate());
    }

    static @Nullable LocalDate later(@Nullable LocalDate campaignDay, @Nullable LocalDate taskDay) {
        if (taskDay == null) {
            return campaignDay;
        }
        return campaignDay == null || campaignDay.isBefore(taskDay) ? taskDay : campaignDay;
    }

    List<String> on(List<String> lines, @Nullable LocalDate evaluatedOn) {
        if (lines.isEmpty()) {
            return lines;
        }
        LightReasonWords w = words().orElse(null);
        return w == null ? lines
                : new LightReasonList(lines, evaluatedOn != null ? evaluatedOn : LocalDate.now(clock), w::on);
    }

    private java.util.Optional<LightReasonWords> words() {
        java.util.Optional<LightReasonWords> w = resolved;
        if (w == null) {
            w = java.util.Optional.ofNullable(words.getIfAvailable());
            resolved = w;   // two threads may both look it up first: the same bean
        }
        return w;
    }
}
