package org.gongjian.supervision;

/** Where a notice stands: open for a response, responded, closed by the office, or replaced by a higher level. */
public enum NoticeStatus {
    OPEN("待反馈"),
    RESPONDED("已反馈"),
    CLOSED("已办结"),
    ESCALATED("已升级");

    private final String label;

    NoticeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
