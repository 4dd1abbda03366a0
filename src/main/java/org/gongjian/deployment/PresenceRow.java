package org.gongjian.deployment;

/** One deployment's presence in a month: the deployment (cadre, unit, leader) and the figures with their explanation. */
public record PresenceRow(DeploymentView deployment, Presence.Month month) {}
