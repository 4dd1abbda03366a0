/** 实绩档案: a cadre's performance record, assembled from the other modules' public reads plus the marks kept here. */
@NullMarked
package org.gongjian.assessment.record;

import org.jspecify.annotations.NullMarked;
