package org.fairrecruit.registry.approval;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/** An adverse decision waiting for (or having had) a second person's approval. {@code subjectId} is null until an approved creation. */
@Serdeable
public record Proposal(long id, String subjectKind, Long subjectId, String action, String reason, String legalBasis,
                       Map<String, String> details, Status status, String proposedBy, Instant proposedAt,
                       String decidedBy, Instant decidedAt, String decisionNote, long version) {

    public enum Status { OPEN, APPROVED, REJECTED }

    public boolean open() {
        return status == Status.OPEN;
    }
}
