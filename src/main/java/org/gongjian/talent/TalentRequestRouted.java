package org.gongjian.talent;

/** A request was opened and routed to the unit that delivers the policy, with its working-day deadline. */
public record TalentRequestRouted(TalentRequestRef request, int promisedDays) {}
