package org.gongjian.campaign;

import java.util.List;
import java.util.Map;

/**
 * A task chain read for its lights ({@link TaskService#chainForEvaluation}): the chain's tasks with indicators,
 * trajectories and milestones, and the subtasks of each of its ancestors (by parent id, in id order; a parent
 * without subtasks has no entry).
 */
public record TaskChainForEvaluation(List<TaskView> tasks, Map<Long, List<TaskRow>> subtasks) {}
