package org.gongjian.talent;

/** An open request passed its deadline: it lights red (once per request and deadline). */
public record TalentRequestOverdue(TalentRequestRef request, int workingDaysLate) {}
