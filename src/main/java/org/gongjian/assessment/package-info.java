/** 考核排名: scoring schemes, per-period unit rankings frozen as hashed snapshots with breakdowns, and appeals (申诉). */
@ApplicationModule(allowedDependencies = { "shared", "web", "org", "identity", "campaign", "report", "supervision", "pledge", "rectification", "deployment" })
@NullMarked
package org.gongjian.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
