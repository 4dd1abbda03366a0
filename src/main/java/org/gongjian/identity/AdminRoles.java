package org.gongjian.identity;

import java.util.Set;

import org.gongjian.shared.Forbidden;
import org.gongjian.shared.InvalidInput;

/** The rules of 三员分立 that concern one user's roles and who may touch an administrator's account. */
final class AdminRoles {

    private AdminRoles() {
    }

    /** At least one role; an administrator role (ADMIN or one of the three) stands alone. */
    static void check(Set<Role> roles, String field) {
        if (roles.isEmpty()) {
            throw InvalidInput.of(field, "请至少选择一个角色");
        }
        if (roles.size() > 1 && roles.stream().anyMatch(Role::isAdministrator)) {
            throw InvalidInput.of(field, "管理员角色必须是该用户唯一的角色（三员分立）");
        }
    }

    /**
     * The system administrator keeps the campaign's accounts, not the other administrators': resetting the audit
     * administrator's password would let it read the trail as him.
     */
    static void guardAccount(UserView account, CurrentUser by) {
        if (!by.has(Role.ADMIN) && account.roles().stream().anyMatch(Role::isAdministrator)) {
            throw new Forbidden("管理员账号不能由系统管理员停用、启用或重置密码（三员分立）");
        }
    }
}
