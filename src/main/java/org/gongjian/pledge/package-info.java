/** 军令状: pledges generated from a unit's tasks, signed by the unit head and countersigned by the issuer, frozen, amended in new signed versions, hash-chained and printable. */
@ApplicationModule(allowedDependencies = { "shared", "web", "org", "identity", "campaign" })
@NullMarked
package org.gongjian.pledge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
