package org.fairrecruit.registry.complaint;

/**
 * The coded reasons of an outcome's public statement (translated as complaint.publicReason.CODE);
 * each belongs to one outcome. Optional remarks may follow; the internal note is a separate field.
 */
public enum PublicReason {
    EVIDENCE_CONFIRMS(Outcome.SUBSTANTIATED),
    AGENCY_ADMITTED(Outcome.SUBSTANTIATED),
    INSUFFICIENT_EVIDENCE(Outcome.UNSUBSTANTIATED),
    EVIDENCE_CONTRADICTS(Outcome.UNSUBSTANTIATED),
    COMPLAINANT_WITHDREW(Outcome.WITHDRAWN),
    OTHER_AUTHORITY(Outcome.REFERRED);

    private final Outcome outcome;

    PublicReason(Outcome outcome) {
        this.outcome = outcome;
    }

    Outcome outcome() {
        return outcome;
    }
}
