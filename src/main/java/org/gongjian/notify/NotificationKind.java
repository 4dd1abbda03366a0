package org.gongjian.notify;

/** What a notification is about; the label is the Chinese name shown in the inbox, emails and group messages. */
public enum NotificationKind {
    DEADLINE("报送提醒"),
    SUBMITTED("报送待审"),
    RETURNED("报送退回"),
    APPROVED("报送通过"),
    NOTICE("督办单"),
    ESCALATION("督办升级"),
    INSTRUCTION("领导批示"),
    PLEDGE("军令状"),
    LIGHT("亮红灯"),
    TALENT("人才服务"),
    PRESENCE("在岗提醒");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
