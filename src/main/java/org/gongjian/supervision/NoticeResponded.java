package org.gongjian.supervision;

/** Published when the addressed unit (or the lead leader) answers a notice; the office of the campaign reviews it. */
public record NoticeResponded(long noticeId, long taskId, String taskTitle, long unitId, String unitName,
                              NoticeLevel level, long officeUnitId, String text) {

    public String link() {
        return NoticeService.link(noticeId);
    }
}
