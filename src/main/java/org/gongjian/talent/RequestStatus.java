package org.gongjian.talent;

/** A service request's status; REVIEW is the office's second look after a 不满意 rating. */
public enum RequestStatus {
    ACCEPTED("受理"),
    IN_PROGRESS("办理中"),
    AWAITING_DOCUMENTS("待补件"),
    COMPLETED("已办结"),
    REJECTED("不予办理"),
    REVIEW("复核中");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still with the delivering unit: the deadline runs. */
    public boolean open() {
        return this == ACCEPTED || this == IN_PROGRESS || this == AWAITING_DOCUMENTS;
    }
}
