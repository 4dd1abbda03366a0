/** 演示数据: a deterministic, seeded demo county (or city, or province) for first runs and the benchmarks. */
@ApplicationModule(allowedDependencies = { "shared", "org", "identity", "campaign", "pledge", "report", "supervision", "assessment", "briefing :: demo", "talent", "rectification", "deployment" })
@NullMarked
package org.gongjian.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
