package org.gongjian.pledge;

import org.jspecify.annotations.Nullable;

/** The result of recomputing a pledge's hash chain: valid, or the first broken link and why. */
public record Verification(boolean valid, int versionsChecked, @Nullable Integer brokenAtVersion, @Nullable String reason)
        implements java.io.Serializable {
}
