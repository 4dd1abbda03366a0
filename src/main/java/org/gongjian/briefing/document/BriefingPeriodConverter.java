package org.gongjian.briefing.document;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds {@code {period}} path variables; a malformed month fails conversion, which both error handlers answer with 400. */
@Component
class BriefingPeriodConverter implements Converter<String, BriefingPeriod> {

    @Override
    public BriefingPeriod convert(String source) {
        return BriefingPeriod.parse(source);
    }
}
