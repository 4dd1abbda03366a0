package org.gongjian.assessment;

/** Whether a published snapshot's stored rows still hash to the hash taken when it was published. */
public record Verification(long rankingId, int version, boolean valid, String storedHash, String computedHash) {}
