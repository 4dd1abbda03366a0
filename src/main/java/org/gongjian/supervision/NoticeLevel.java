package org.gongjian.supervision;

import org.jspecify.annotations.Nullable;

/** How serious a supervision notice (督办单) is, in escalation order. */
public enum NoticeLevel {
    REMIND("提醒"),
    URGE("催办"),
    SUPERVISE("督办"),
    INTERVIEW("约谈"),
    ACCOUNTABILITY("问责");

    private final String label;

    NoticeLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level an escalation leads to; none after 问责. */
    public @Nullable NoticeLevel next() {
        return this == ACCOUNTABILITY ? null : values()[ordinal() + 1];
    }

    /** From 督办 on, a notice is addressed to the lead leader too. */
    public boolean toLeader() {
        return compareTo(SUPERVISE) >= 0;
    }
}
