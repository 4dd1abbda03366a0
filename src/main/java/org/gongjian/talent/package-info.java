/**
 * 人才改革: the talent registry (personal data masked outside the talent office, every unmasked view audited), the policy
 * catalogue with eligibility, the service desk with working-day deadlines (the holiday calendar with 调休), and the
 * figures it feeds into the drive's campaign indicators.
 */
@ApplicationModule(allowedDependencies = { "shared", "web", "org", "identity", "campaign", "supervision" })
@NullMarked
package org.gongjian.talent;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
