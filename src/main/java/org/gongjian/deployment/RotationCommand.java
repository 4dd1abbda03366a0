package org.gongjian.deployment;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Draft a move: the outgoing deputy, the successor who takes over his work (and, by default, his post), the new post
 * for the outgoing person (optional), the effective date and the reason.
 */
public record RotationCommand(@Nullable Long personId, @Nullable Long successorPersonId, @Nullable Long toUnitId,
                              @Nullable String toTitle, @Nullable Boolean successorTakesPost,
                              @Nullable LocalDate effectiveDate, @Nullable String reason) {}
