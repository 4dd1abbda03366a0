package org.gongjian.deployment;

/** The three 下沉: a department to a township, a cadre to a village (驻村), a township's work to a district (管区). */
public enum DeploymentKind {
    DEPT_TO_TOWNSHIP("部门下沉乡镇"),
    CADRE_TO_VILLAGE("干部下沉村庄"),
    WORK_TO_DISTRICT("工作下沉管区");

    private final String label;

    DeploymentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a cadre is named (and so keeps work logs and counts presence). */
    public boolean personal() {
        return this != DEPT_TO_TOWNSHIP;
    }
}
