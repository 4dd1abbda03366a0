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

    public String authority() {
        return "ROLE_" + name();
    }
}
