package org.gongjian.supervision;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Light reasons for the reader: stored in Chinese (the record), shown in Chinese unless the page is in another
 * language, then rebuilt from {@link LightReason}'s template and arguments through {@code reason.<NAME>}. Pages call
 * it as {@code @lightReasons.render(text)}; a sentence no template knows is shown as stored.
 */
@Component("lightReasons")
public class LightReasonText {

    private final MessageSource messages;

    public LightReasonText(MessageSource messages) {
        this.messages = messages;
    }

    public String render(String stored) {
        return render(stored, LocaleContextHolder.getLocale());
    }

    public List<String> render(List<String> stored) {
        Locale locale = LocaleContextHolder.getLocale();
        return stored.stream().map(r -> render(r, locale)).toList();
    }

    String render(String stored, Locale locale) {
        if (locale.getLanguage().equals(Locale.CHINESE.getLanguage())) {
            return stored;
        }
        return LightReason.parse(stored)
                .map(p -> messages.getMessage("reason." + p.reason().name(), p.args().toArray(), stored, locale))
                .orElse(stored);
    }
}
