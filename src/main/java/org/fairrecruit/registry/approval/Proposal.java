package org.fairrecruit.registry.approval;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An adverse decision waiting for (or having had) a second person's approval. {@code subjectId} is null until an
 * approved creation. {@code decisionNote} is the approver's (or the withdrawing proposer's) note; an OBSOLETE
 * proposal names the rule that closed it as {@code closingKey} with {@code closingArgs}.
 */
@Serdeable
public record Proposal(long id, String subjectKind, Long subjectId, String action, String reason, String legalBasis,
                       Map<String, String> details, Status status, String proposedBy, Instant proposedAt,
                       String decidedBy, Instant decidedAt, String decisionNote, String closingKey,
                       List<String> closingArgs, long version) {

    /** OPEN until approved or rejected by a supervisor, withdrawn by its proposer, or made obsolete by a change of its subject. */
    public enum Status { OPEN, APPROVED, REJECTED, WITHDRAWN, OBSOLETE }

    public boolean open() {
        return status == Status.OPEN;
    }

    Proposal withDetails(Map<String, String> shown) {
        return new Proposal(id, subjectKind, subjectId, action, reason, legalBasis, shown, status, proposedBy, proposedAt,
                decidedBy, decidedAt, decisionNote, closingKey, closingArgs, version);
    }

    ProposalDraft draft() {
        return new ProposalDraft(subjectKind, subjectId, action, reason, legalBasis, details);
    }
}
