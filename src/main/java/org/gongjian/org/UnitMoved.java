package org.gongjian.org;

/**
 * A unit was re-hung under another parent: the paths of its whole subtree changed from {@code oldPath} to
 * {@code newPath}, in the transaction that publishes this. Roll-ups kept by unit path listen to rebuild theirs.
 */
public record UnitMoved(long unitId, String oldPath, String newPath) {}
