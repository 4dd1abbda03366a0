package org.gongjian.talent;

import org.jspecify.annotations.Nullable;

/** The talent rated a completed request; {@link Rating#DISSATISFIED} sends it back to the office for review. */
public record TalentRequestRated(TalentRequestRef request, Rating rating, @Nullable String comment) {}
