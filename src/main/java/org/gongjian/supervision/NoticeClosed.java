package org.gongjian.supervision;

/** Published when the office closes (办结) a notice the unit answered, with the office's note (may be empty). */
public record NoticeClosed(long noticeId, long taskId, String taskTitle, long unitId, NoticeLevel level, String note) {

    public String link() {
        return NoticeService.link(noticeId);
    }
}
