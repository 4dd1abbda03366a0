/**
 * 问题整改: a shortcomings ledger — problems found by self-inspection, supervision, instructions, inspection tours,
 * study tours or the public, their measures with owners and deadlines, progress with evidence, sign-off (销号, frozen
 * and hash-chained) and reopening (反弹). Overdue measures light the problem red and chase themselves through the
 * supervision notice ladder.
 */
@ApplicationModule(allowedDependencies = { "shared", "web", "org", "identity", "campaign", "report", "supervision" })
@NullMarked
package org.gongjian.rectification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
