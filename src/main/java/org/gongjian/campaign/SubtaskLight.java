package org.gongjian.campaign;

import org.jspecify.annotations.Nullable;

/** A subtask as its parent's light roll-up reads it ({@link TaskService#subtaskLightsOf}): its title and stored light. */
public record SubtaskLight(long id, long parentTaskId, String title, @Nullable Light light) {}
