package org.gongjian.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** One confidence judgement; {@code reviewOverdue}: its review date has passed, so it needs judging again. */
public record ConfidenceView(long id, long taskId, ConfidenceRating rating, String ratingLabel, String reason,
                             LocalDate reviewOn, String judgedBy, Instant judgedAt, boolean reviewOverdue) {}
