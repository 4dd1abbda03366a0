package org.gongjian.assessment;

/** The office's rating of an approved report (优/良/中/差) and the quality points (of 100) it stands for. */
public enum Grade {
    EXCELLENT("优", 100),
    GOOD("良", 80),
    FAIR("中", 60),
    POOR("差", 40);

    private final String label;
    private final int points;

    Grade(String label, int points) {
        this.label = label;
        this.points = points;
    }

    public String label() {
        return label;
    }

    public int points() {
        return points;
    }
}
