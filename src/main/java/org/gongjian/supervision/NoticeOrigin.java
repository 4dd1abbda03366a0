package org.gongjian.supervision;

/** Whether the office wrote a notice or the daily escalation rules issued it. */
public enum NoticeOrigin {
    MANUAL,
    AUTO
}
