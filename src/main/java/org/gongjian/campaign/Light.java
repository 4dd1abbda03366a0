package org.gongjian.campaign;

/** Status light of a task (亮灯). Computed by supervision; stored on the task for lists and filters. */
public enum Light {
    GREEN("绿灯"),
    YELLOW("黄灯"),
    RED("红灯"),
    DONE("已完成");

    private final String label;

    Light(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
