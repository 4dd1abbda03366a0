package org.gongjian.talent;

/**
 * What can happen to a request after it is opened: the delivering unit works it (START … REJECT), the office closes
 * its review of a 不满意 rating (CONFIRM) or sends it back to the unit (REOPEN).
 */
public enum RequestAction {
    START("开始办理", RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, false, false),
    ASK_DOCUMENTS("通知补件", RequestStatus.IN_PROGRESS, RequestStatus.AWAITING_DOCUMENTS, true, false),
    RESUME("补件齐全，继续办理", RequestStatus.AWAITING_DOCUMENTS, RequestStatus.IN_PROGRESS, false, false),
    COMPLETE("办结", RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED, false, false),
    REJECT("不予办理", RequestStatus.IN_PROGRESS, RequestStatus.REJECTED, true, false),
    CONFIRM("复核办结", RequestStatus.REVIEW, RequestStatus.COMPLETED, true, true),
    REOPEN("退回重办", RequestStatus.REVIEW, RequestStatus.IN_PROGRESS, true, true);

    private final String label;
    private final RequestStatus from;
    private final RequestStatus to;
    private final boolean needsText;
    private final boolean office;

    RequestAction(String label, RequestStatus from, RequestStatus to, boolean needsText, boolean office) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.needsText = needsText;
        this.office = office;
    }

    public String label() {
        return label;
    }

    public RequestStatus from() {
        return from;
    }

    public RequestStatus to() {
        return to;
    }

    public boolean needsText() {
        return needsText;
    }

    /** Taken by the talent office (the review), not by the delivering unit. */
    public boolean office() {
        return office;
    }
}
