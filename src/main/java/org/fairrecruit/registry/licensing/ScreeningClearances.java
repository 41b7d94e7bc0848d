package org.fairrecruit.registry.licensing;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.approval.ProposalHandler;
import org.fairrecruit.registry.approval.ProposalSubject;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clearing a screening MATCH (the applicant's key person is someone else than the listed one) is a four-eyes
 * decision: an officer proposes it with a coded reason and a note, a different supervisor approves it, and only
 * then can the application be granted.
 */
@Singleton
public class ScreeningClearances implements ProposalHandler {
    public static final String SUBJECT = "SCREENING_HIT";
    public static final String CLEAR = "CLEAR";
    public static final String CLEAR_REASON = "clearReason";
    private static final String APPLICATION = "applicationId";
    private static final String SCREENED = "screenedName";
    private static final String MATCHED = "matchedName";
    private final ApplicationReview review;
    private final Licensing licensing;
    private final AgencyRegister agencies;
    private final Sql sql;
    private final AuditLog audit;
    private final Clock clock;

    ScreeningClearances(ApplicationReview review, Licensing licensing, AgencyRegister agencies, Sql sql, AuditLog audit,
                        Clock clock) {
        this.review = review;
        this.licensing = licensing;
        this.agencies = agencies;
        this.sql = sql;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why the matched names are two different persons. */
    public enum ClearReason { DIFFERENT_BIRTH_YEAR, DIFFERENT_NATIONALITY, DIFFERENT_IDENTITY_DOCUMENT, OTHER }

    /**
     * The proposal to clear a hit, refused with every missing field at once; its details name the application and
     * both names, so that the card and the history still say what was cleared after a new screening.
     */
    public ProposalDraft draft(long hitId, ClearReason reason, String note, String legalBasis) {
        ApplicationReview.ReviewedHit hit = review.reviewedHit(hitId)
                .orElseThrow(() -> new RegistryException.NotFound("screening hit", hitId));
        List<InvalidInput.FieldError> refused = new ArrayList<>();
        if (reason == null) {
            refused.add(new InvalidInput.FieldError(CLEAR_REASON, "field.required"));
        }
        try {
            FourEyes.checkTexts(note, legalBasis);
        } catch (InvalidInput invalid) {
            refused.addAll(invalid.errors());
        }
        if (!refused.isEmpty()) {
            throw new InvalidInput(refused);
        }
        return new ProposalDraft(SUBJECT, hitId, CLEAR, note, legalBasis, Map.of(APPLICATION,
                String.valueOf(hit.applicationId()), SCREENED, hit.hit().subject(), MATCHED, hit.hit().matchedName(),
                CLEAR_REASON, reason.name()));
    }

    @Override
    public String subjectKind() {
        return SUBJECT;
    }

    @Override
    public void check(ProposalDraft draft) {
        if (!CLEAR.equals(draft.action())) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("action", "field.invalid")));
        }
        ApplicationReview.ReviewedHit hit = review.reviewedHit(draft.subjectId())
                .orElseThrow(() -> new RegistryException.Conflict("screening.error.screenedAgain"));
        ApplicationReview.requireOpen(review.get(hit.applicationId()));
        if (!hit.needsClearance()) {
            throw new RegistryException.Conflict("screening.error.nothingToClear");
        }
        try {
            ClearReason.valueOf(String.valueOf(draft.details().get(CLEAR_REASON)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError(CLEAR_REASON, "field.invalid")));
        }
    }

    @Override
    public Optional<Long> carryOut(Proposal proposal, String approver) {
        ApplicationReview.ReviewedHit hit = review.reviewedHit(proposal.subjectId()).orElseThrow();
        sql.insert("""
                INSERT INTO screening_clearance (application_id, subject, matched_id, proposal_id, proposed_by, cleared_by,
                    cleared_at) VALUES (?, ?, ?, ?, ?, ?, ?)""", hit.applicationId(), hit.hit().subject(),
                hit.hit().matchedId(), proposal.id(), proposal.proposedBy(), approver, Instant.now(clock));
        audit.record(new AuditEvent(approver, "application.screening-cleared", "application",
                String.valueOf(hit.applicationId()), proposal.reason()), hit, review.reviewedHit(hit.id()).orElseThrow());
        return Optional.empty();
    }

    /** Named from the proposal's own details: the hit itself is replaced when the application is screened again. */
    @Override
    public ProposalSubject subject(Proposal proposal) {
        long applicationId = Long.parseLong(proposal.details().get(APPLICATION));
        Licence licence = licensing.get(review.get(applicationId).licenceId());
        return new ProposalSubject(agencies.get(licence.agencyId()).legalName() + " — #" + applicationId + " — "
                + proposal.details().get(SCREENED) + " ≈ " + proposal.details().get(MATCHED),
                "/staff/applications/" + applicationId + "#screening");
    }
}
