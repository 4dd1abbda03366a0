/** 组织: the one tree of divisions and units (province › … › village, departments, districts) and the cadres in them. */
@ApplicationModule(allowedDependencies = { "shared", "web" })
@NullMarked
package org.gongjian.org;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
