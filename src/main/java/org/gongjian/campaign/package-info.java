/** 攻坚行动与清单: campaigns, their task lists cascaded down the levels, indicators, milestones, leader instructions. */
@ApplicationModule(allowedDependencies = { "shared", "web", "org", "identity" })
@NullMarked
package org.gongjian.campaign;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
