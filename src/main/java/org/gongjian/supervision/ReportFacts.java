package org.gongjian.supervision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * The reporting facts the light rules need, per task. The port onto the report module: supervision defines it so
 * the rules stay testable with plain input; an adapter onto the report module implements it.
 */
public interface ReportFacts {

    /** Facts for each task id asked for; a task missing from the answer counts as {@link ReportingFacts#none()}. */
    Map<Long, ReportingFacts> forTasks(Collection<Long> taskIds, LocalDate asOf);
}
