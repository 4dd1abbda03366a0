package org.gongjian.identity;

/** Roles, as in the glossary. Spring Security sees them as {@code ROLE_<name>}. */
public enum Role {
    ADMIN("系统管理员"),
    SUPERVISOR("督查室"),
    ORG_DEPT("组织部"),
    LEADER("领导"),
    UNIT_HEAD("单位负责人"),
    LIAISON("联络员"),
    CADRE("干部"),
    TALENT_OFFICE("人才办");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * An administrator of the system itself (等保: needs a second factor at login). The 三员 roles (system, security and
     * audit administrators) belong here too when they are added.
     */
    public boolean isAdministrator() {
        return this == ADMIN;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
