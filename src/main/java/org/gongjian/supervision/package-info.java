/** 督查督办: explainable status lights, roll-ups, confidence judgements, supervision notices and their escalation. */
@ApplicationModule(allowedDependencies = { "shared", "web", "org", "identity", "campaign", "report", "notify" })
@NullMarked
package org.gongjian.supervision;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
