/** 用户与权限: logins linked to cadres, roles, data scope, form login and API tokens, lockout, the first admin. */
@ApplicationModule(allowedDependencies = { "shared", "web", "org" })
@NullMarked
package org.gongjian.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
