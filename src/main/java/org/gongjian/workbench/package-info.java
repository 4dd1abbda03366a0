/**
 * 工作台: the role-based home page that shows each user their work with counts, and the shell around every page
 * (the grouped menu, breadcrumbs, the phone tab bar, the user's name and post). It only reads other modules' public
 * APIs; nothing depends on it.
 */
@ApplicationModule(allowedDependencies = { "shared", "web", "org", "identity", "campaign", "pledge", "report",
        "supervision", "briefing", "talent", "deployment" })
@NullMarked
package org.gongjian.workbench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
