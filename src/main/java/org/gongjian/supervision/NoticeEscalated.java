package org.gongjian.supervision;

/** Published when a notice is escalated: {@code noticeId} is now ESCALATED, replaced by {@code nextNoticeId} at {@code level}. */
public record NoticeEscalated(long noticeId, long nextNoticeId, long taskId, long unitId, NoticeLevel level,
                              NoticeOrigin origin) {}
