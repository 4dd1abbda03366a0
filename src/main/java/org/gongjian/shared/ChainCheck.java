package org.gongjian.shared;

import org.jspecify.annotations.Nullable;

/** The verification of one keyed hash chain: intact, or where it breaks and why (Chinese, for the page and the API). */
public record ChainCheck(String chain, long chainId, boolean intact, int checked, @Nullable Integer brokenAt,
                         @Nullable String problem) {}
