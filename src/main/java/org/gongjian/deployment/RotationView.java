package org.gongjian.deployment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A rotation (交流轮岗) with its handover list when carried out. */
public record RotationView(long id, long personId, String personName, long fromUnitId, String fromUnitName,
                           String fromTitle, long successorPersonId, String successorName, @Nullable Long toUnitId,
                           @Nullable String toUnitName, @Nullable String toTitle, boolean successorTakesPost,
                           LocalDate effectiveDate, String reason, RotationStatus status, String draftedBy,
                           @Nullable String approvedBy, @Nullable Instant approvedAt, @Nullable Instant executedAt,
                           int version, @Nullable Handover handover) {

    public String statusLabel() {
        return status.label();
    }

    /** The signed (or to be signed) handover list: its frozen content, hash, signatures and seal. */
    public record Handover(HandoverContent content, String contentHash, List<Signature> signatures,
                           @Nullable String sealHash, @Nullable Instant sealedAt) {
        public boolean sealed() {
            return sealHash != null;
        }

        public boolean signedBy(HandoverRole role) {
            return signatures.stream().anyMatch(s -> s.role() == role);
        }
    }

    public record Signature(HandoverRole role, long userId, String signerName, Instant signedAt, String contentHash) {
        public String roleLabel() {
            return role.label();
        }
    }

    public enum HandoverRole {
        OUTGOING("交出人"),
        INCOMING("接收人");

        private final String label;

        HandoverRole(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    RotationView withHandover(@Nullable Handover h) {
        return new RotationView(id, personId, personName, fromUnitId, fromUnitName, fromTitle, successorPersonId,
                successorName, toUnitId, toUnitName, toTitle, successorTakesPost, effectiveDate, reason, status,
                draftedBy, approvedBy, approvedAt, executedAt, version, h);
    }
}
