package org.gongjian.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller mapping that shows people's personal data (a person's record, a list of people or users, an
 * evidence file, an export, a PDF, the audit log): each call leaves a line in the personal-data read trail (who,
 * what, which ids, when, from where). 等保2.0 三级 安全审计 and 个人信息保护; PersonalDataCoverageTests lists the
 * mappings that must carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PersonalDataRead {

    /** What is read, a short code the audit page labels through {@code audit.read.<code>}: "person", "user-list". */
    String value();
}
