package org.gongjian.campaign;

/**
 * Who reviews a campaign's reports (审核): the lead unit's head first when {@code unitHeadReview}, then the office of
 * the owner unit ({@code officeUnitId}).
 */
public record ReviewRoute(boolean unitHeadReview, long officeUnitId) {}
