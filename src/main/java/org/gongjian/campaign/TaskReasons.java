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
 * D writes; before any run, today in the application's clock. Without supervision (a campaign-only test context) the
 * lines are shown as stored.
 */
@Component
class TaskReasons {

    private final Clock clock;
    private final ObjectProvider<LightReasonWords> words;

    TaskReasons(Clock clock, ObjectProvider<LightReasonWords> words) {
        this.clock = clock;
        this.words = words;
    }

    List<String> on(List<String> lines, @Nullable LocalDate evaluatedOn) {
        if (lines.isEmpty()) {
            return lines;
        }
        LightReasonWords w = words.getIfAvailable();
        return w == null ? lines
                : new LightReasonList(lines, evaluatedOn != null ? evaluatedOn : LocalDate.now(clock), w::on);
    }
}
