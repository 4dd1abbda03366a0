/** Web plumbing shared by all modules: error handling (problem+json and Chinese error pages), locale, paging fragments. */
@NullMarked
package org.gongjian.web;

import org.jspecify.annotations.NullMarked;
