/** Tiny shared kernel: ids, paging, data scope, domain errors, the clock and the audit event every module publishes. */
@NullMarked
package org.gongjian.shared;

import org.jspecify.annotations.NullMarked;
