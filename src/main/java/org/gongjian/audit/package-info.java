/** 审计: the append-only trail of every state change (who, when, what, before → after, from where). Only listens. */
@ApplicationModule(allowedDependencies = { "shared", "web" })
@NullMarked
package org.gongjian.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
