package org.gongjian.identity;

import java.util.EnumSet;
import java.util.Set;

/** Roles, as in the glossary. Spring Security sees them as {@code ROLE_<name>}. */
public enum Role {
    /** 超级管理员: the first login on an empty database and the demo; the three below divide its work (三员分立). */
    ADMIN("超级管理员（仅初始化/演示）"),
    SUPERVISOR("督查室"),
    ORG_DEPT("组织部"),
    LEADER("领导"),
    UNIT_HEAD("单位负责人"),
    LIAISON("联络员"),
    CADRE("干部"),
    TALENT_OFFICE("人才办"),
    /** 系统管理员: accounts and units, nothing of the campaign, no roles, no audit trail. */
    SYS_ADMIN("系统管理员"),
    /** 安全管理员: roles, security policies, unlocks. */
    SEC_ADMIN("安全管理员"),
    /** 审计管理员: reads the audit trail, nothing else. */
    AUDIT_ADMIN("审计管理员");

    /** 等保2.0 三员: system, security and audit administrators, each only ever a user's one role. */
    public static final Set<Role> SEPARATED_ADMINISTRATORS = EnumSet.of(SYS_ADMIN, SEC_ADMIN, AUDIT_ADMIN);

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

    /**
     * An administrator of the system (not of the campaign): it must be the user's only role, and it needs a second
     * factor at login (TOTP, outside the demo).
     */
    public boolean isAdministrator() {
        return this == ADMIN || SEPARATED_ADMINISTRATORS.contains(this);
    }
}
