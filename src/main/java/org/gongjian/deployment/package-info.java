/**
 * 干部下沉与交流: 三下沉 deployments in batches with a presence rule, cadres' work logs with photo checks, monthly
 * presence and shortfalls, 交流轮岗 rotations with a signed handover, and 考察学习 study tours.
 */
@ApplicationModule(allowedDependencies = { "shared", "web", "org", "identity", "campaign", "report", "supervision", "pledge" })
@NullMarked
package org.gongjian.deployment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
