package org.gongjian.assessment;

/** A ranking snapshot's state: a draft may be recomputed; published is frozen; superseded by a corrected version. */
public enum RankingStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布"),
    SUPERSEDED("已被更正");

    private final String label;

    RankingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
