package org.gongjian.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit page in the reader's words: actions, entity types and field names through {@code audit.action.*},
 * {@code audit.entity.*}, {@code audit.verb.*} and {@code audit.field.*} (the glossary's terms), values made readable
 * (yes/no, local time, enum codes that have a label). Anything without a label shows as recorded, so actions other
 * modules add later still read, as their code.
 */
@Component("auditLabels")
public class AuditLabels {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;

    public AuditLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** "unit.update" → 单位 · 修改 (or the whole action's own label when it has one). */
    public String action(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        String own = label("audit.action." + code, locale);
        if (own != null) {
            return own;
        }
        int dot = code.indexOf('.');
        if (dot < 0) {
            return code;
        }
        String entity = label("audit.entity." + code.substring(0, dot), locale);
        String verb = label("audit.verb." + code.substring(dot + 1), locale);
        return entity == null || verb == null ? code : entity + " · " + verb;
    }

    public String entity(String type) {
        String label = label("audit.entity." + type, LocaleContextHolder.getLocale());
        return label == null ? type : label;
    }

    public String field(String name) {
        String label = label("audit.field." + name, LocaleContextHolder.getLocale());
        return label == null ? name : label;
    }

    /** A recorded value as people read it: 是/否, a local time, a code's label; anything else as recorded. */
    public String value(String recorded, ZoneId zone) {
        Locale locale = LocaleContextHolder.getLocale();
        if (recorded.equals("true") || recorded.equals("false")) {
            return messages.getMessage("audit.value." + recorded, null, recorded, locale);
        }
        if (INSTANT.matcher(recorded).matches()) {
            try {
                return LOCAL.format(Instant.parse(recorded).atZone(zone));
            } catch (DateTimeParseException e) {
                return recorded;
            }
        }
        if (CODE.matcher(recorded).matches()) {
            String label = label("audit.value." + recorded, locale);
            return label == null ? recorded : label;
        }
        return recorded;
    }

    private @Nullable String label(String key, Locale locale) {
        return messages.getMessage(key, null, null, locale);
    }
}
