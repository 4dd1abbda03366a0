package org.gongjian.talent;

/** An open request falls due within one working day (once per request and deadline). */
public record TalentRequestDueSoon(TalentRequestRef request) {}
