package org.gongjian.campaign;

import java.time.LocalDate;

/**
 * The words of a stored light-reason line on a given day. Supervision writes the lines ({@code task_light_reason}) and
 * knows their words; campaign only stores them and asks this when a task is read. A reason that quotes the day's
 * planned value or counts the days to a milestone is stored as the facts it needs, so it reads right on every day
 * without being written again each day (issue #18); any other line is its own words.
 */
public interface LightReasonWords {

    String on(String line, LocalDate day);
}
