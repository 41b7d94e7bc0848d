package org.fairrecruit.registry.sanction;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.approval.ProposalHandler;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.approval.ProposalSubject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every sanction needs four eyes: proposed on an agency, recorded by {@link Sanctions} when a supervisor approves. */
@Singleton
public class SanctionDecisions implements ProposalHandler {
    public static final String SUBJECT = "AGENCY_SANCTION";
    // A suspension's or revocation's reason also becomes the licence status history's reason (VARCHAR(1000)).
    private static final int REASON_MAX = 1000;
    private final Sanctions sanctions;
    private final AgencyRegister agencies;

    SanctionDecisions(Sanctions sanctions, AgencyRegister agencies) {
        this.sanctions = sanctions;
        this.agencies = agencies;
    }

    /** A proposal of the sanction named by {@code kind}; amount and currency matter for a fine only. */
    public static ProposalDraft draft(long agencyId, String kind, String reason, String legalBasis, String amount,
                                      String currency, String caseReference) {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, SanctionTerms.AMOUNT, amount);
        put(details, SanctionTerms.CURRENCY, currency);
        put(details, SanctionTerms.CASE_REFERENCE, caseReference);
        return new ProposalDraft(SUBJECT, agencyId, kind, reason, legalBasis, details);
    }

    @Override
    public String subjectKind() {
        return SUBJECT;
    }

    @Override
    public void check(ProposalDraft draft) {
        agencies.get(draft.subjectId());
        new InvalidInput.Collector().require(draft.reason().strip().length() <= REASON_MAX, "reason", "field.tooLong",
                REASON_MAX).throwIfAny();
        SanctionTerms terms = SanctionTerms.from(draft.action(), draft.details());
        sanctions.requireLicenceFor(draft.subjectId(), terms.kind());
    }

    @Override
    public Optional<Long> carryOut(Proposal proposal, String approver) {
        sanctions.impose(approver, proposal, SanctionTerms.from(proposal.action(), proposal.details()));
        return Optional.empty();
    }

    @Override
    public ProposalSubject subject(Proposal proposal) {
        return new ProposalSubject(agencies.get(proposal.subjectId()).legalName(),
                "/staff/agencies/" + proposal.subjectId() + "#sanctions");
    }

    private static void put(Map<String, String> details, String key, String value) {
        if (value != null && !value.isBlank()) {
            details.put(key, value.strip());
        }
    }
}
