/** 领导驾驶舱与工作通报: the leaders' cockpit (dashboards from maintained counts) and the written briefings (通报). */
@ApplicationModule(allowedDependencies = { "shared", "web", "org", "identity", "campaign", "pledge", "report", "supervision" })
@NullMarked
package org.gongjian.briefing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
