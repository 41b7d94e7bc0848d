package org.fairrecruit.registry.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.approval.ProposalHandler;
import org.fairrecruit.registry.kernel.RegistryException;
import org.fairrecruit.registry.approval.ProposalSubject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A SUBSTANTIATED finding is adverse and published (the agency page counts it), so it takes four
 * eyes: the investigator proposes it with its public statement and internal note, and it is
 * recorded only when a supervisor who did not propose it approves.
 */
@Singleton
public class OutcomeDecisions implements ProposalHandler {
    public static final String SUBJECT = "COMPLAINT_OUTCOME";
    private static final String REASON = "publicReason";
    private static final String REMARKS = "publicRemarks";
    private static final String LANG = "publicRemarksLang";
    private static final String NOTE = "internalNote";
    private final ComplaintCases cases;
    // A provider: FourEyes is built with every ProposalHandler, and this class is (or leads to) one.
    private final Provider<FourEyes> fourEyes;
    private final ComplaintRules rules;

    OutcomeDecisions(ComplaintCases cases, Provider<FourEyes> fourEyes, ComplaintRules rules) {
        this.cases = cases;
        this.fourEyes = fourEyes;
        this.rules = rules;
    }

    @Transactional
    public Proposal propose(String investigator, long id, CaseView.Statement statement, @Nullable String internalNote) {
        ComplaintCases.checkStatement(Outcome.SUBSTANTIATED, statement, internalNote, true);
        Map<String, String> details = new LinkedHashMap<>();
        details.put(REASON, statement.reason().name());
        if (statement.remarks() != null && !statement.remarks().isBlank()) {
            details.put(REMARKS, statement.remarks().strip());
            details.put(LANG, statement.lang() == null ? "en" : statement.lang());
        }
        details.put(NOTE, internalNote.strip());
        ComplaintCases.Row row = cases.load(id, true);
        // The proposal's reason is what the approving supervisor reads first: the public statement's code.
        Proposal proposal = fourEyes.get().propose(investigator, new ProposalDraft(SUBJECT, id, Outcome.SUBSTANTIATED.name(),
                "Substantiated: " + statement.reason().name() + " (case " + row.reference() + ")", rules.legalBasis(),
                details));
        cases.markProposed(investigator, row, proposal.id());
        return proposal;
    }

    @Override
    public String subjectKind() {
        return SUBJECT;
    }

    @Override
    public void check(ProposalDraft draft) {
        ComplaintCases.Row row = cases.load(draft.subjectId(), false);
        if (row.status() != ComplaintStatus.UNDER_INVESTIGATION) {
            throw new RegistryException.Conflict("complaint.error.outcome", row.reference(), row.status().name(),
                    Outcome.SUBSTANTIATED.name());
        }
    }

    @Override
    public Optional<Long> carryOut(Proposal proposal, String approver) {
        Map<String, String> d = proposal.details();
        cases.record(approver, cases.load(proposal.subjectId(), true), Outcome.SUBSTANTIATED,
                new CaseView.Statement(PublicReason.valueOf(d.get(REASON)), d.get(REMARKS), d.get(LANG)), d.get(NOTE));
        return Optional.empty();
    }

    @Override
    public ProposalSubject subject(Proposal proposal) {
        return new ProposalSubject(cases.load(proposal.subjectId(), false).reference(),
                "/staff/complaints/" + proposal.subjectId());
    }
}
