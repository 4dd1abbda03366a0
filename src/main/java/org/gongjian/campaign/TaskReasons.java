package org.gongjian.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Light reasons as a reader sees them: in the words of today in the application's clock, so a task read on day D
 * shows what an evaluation on day D would have written. Without supervision (a campaign-only test context) the lines
 * are shown as stored.
 */
@Component
class TaskReasons {

    private final Clock clock;
    private final ObjectProvider<LightReasonWords> words;

    TaskReasons(Clock clock, ObjectProvider<LightReasonWords> words) {
        this.clock = clock;
        this.words = words;
    }

    List<String> today(List<String> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        LightReasonWords w = words.getIfAvailable();
        return w == null ? lines : new LightReasonList(lines, LocalDate.now(clock), w::on);
    }
}
