/** 进度报送: reporting periods, progress reports with evidence, the review workflow, lateness, hash-chained approved reports. */
@ApplicationModule(allowedDependencies = { "shared", "web", "org", "identity", "campaign", "notify" })
@NullMarked
package org.gongjian.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
