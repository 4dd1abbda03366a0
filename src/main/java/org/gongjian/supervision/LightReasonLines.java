package org.gongjian.supervision;

import java.time.LocalDate;

import org.gongjian.campaign.LightReasonWords;
import org.springframework.stereotype.Component;

/** Supervision's words for the stored reason lines campaign reads ({@link DatedReason}); other lines are words already. */
@Component
class LightReasonLines implements LightReasonWords {

    @Override
    public String on(String line, LocalDate day) {
        return DatedReason.of(line).map(r -> r.on(day)).orElse(line);
    }
}
