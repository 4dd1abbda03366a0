/**
 * 数据完整性: anchors the keyed hash chains (reports, pledges, sign-offs) outside the database — each day the chain
 * heads, signed with an Ed25519 key, appended to an append-only file — and verifies links and anchors together;
 * re-links the first release's unkeyed chains once at start-up.
 */
@ApplicationModule(allowedDependencies = { "shared", "web", "identity", "report", "pledge", "rectification" })
@NullMarked
package org.gongjian.integrity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
