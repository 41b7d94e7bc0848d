package org.fairrecruit.registry.licensing;

import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.approval.ProposalHandler;
import org.fairrecruit.registry.approval.ProposalSubject;
import org.fairrecruit.registry.approval.PublicStatement;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The licence decisions that need four eyes (refusal, suspension, revocation): checked when
 * proposed, carried out by {@link Licensing} when a supervisor approves.
 */
@Singleton
public class LicenceDecisions implements ProposalHandler {
    public static final String SUBJECT = "LICENCE";
    public static final String SUSPENDED_UNTIL = "suspendedUntil";
    private final Licensing licensing;
    private final AgencyRegister agencies;
    private final Clock clock;

    LicenceDecisions(Licensing licensing, AgencyRegister agencies, Clock clock) {
        this.licensing = licensing;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * The proposal's details as typed: its public statement (remarks with their language) and, for a suspension,
     * its end date, stripped, blank ones left out. {@link #check} refuses what is wrong when it is proposed,
     * together with the proposal's reason and legal basis, so a form shows every problem of one submit.
     */
    public static Map<String, String> details(String publicReason, String publicRemarks, String remarksLang, String suspendedUntil) {
        Map<String, String> details = new HashMap<>();
        putIfGiven(details, PublicStatement.REASON, publicReason);
        if (putIfGiven(details, PublicStatement.REMARKS, publicRemarks)) {
            putIfGiven(details, PublicStatement.REMARKS_LANG, remarksLang);
        }
        putIfGiven(details, SUSPENDED_UNTIL, suspendedUntil);
        return details;
    }

    private static boolean putIfGiven(Map<String, String> details, String key, String value) {
        boolean given = value != null && !value.isBlank();
        if (given) {
            details.put(key, value.strip());
        }
        return given;
    }

    @Override
    public String subjectKind() {
        return SUBJECT;
    }

    @Override
    public void check(ProposalDraft draft) {
        LicenceTransition transition = transition(draft.action());
        if (licensing.decider(licensing.get(draft.subjectId()), transition) != LicenceTransition.Decider.FOUR_EYES) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("action", "field.invalid")));
        }
        LocalDate until = suspendedUntil(draft.details() == null ? null : draft.details().get(SUSPENDED_UNTIL));
        if (until != null && !until.isAfter(LocalDate.now(clock))) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError(SUSPENDED_UNTIL, "field.future")));
        }
        PublicStatement.fromDetails(draft.details() == null ? Map.of() : draft.details());
        Licensing.requireAllowed(transition, licensing.get(draft.subjectId()).status());
    }

    @Override
    public Optional<Long> carryOut(Proposal proposal, String approver) {
        licensing.decideApproved(approver, proposal.subjectId(), transition(proposal.action()), proposal.reason(),
                PublicStatement.fromDetails(proposal.details()), proposal.legalBasis(), suspendedUntil(proposal.details().get(SUSPENDED_UNTIL)), proposal.id());
        return Optional.empty();
    }

    @Override
    public ProposalSubject subject(Proposal proposal) {
        Licence licence = licensing.get(proposal.subjectId());
        return new ProposalSubject(agencies.get(licence.agencyId()).legalName() + " — "
                + (licence.licenceNumber() == null ? licence.status().name() : licence.licenceNumber()),
                "/staff/agencies/" + licence.agencyId() + "#licences");
    }

    private static LicenceTransition transition(String action) {
        try {
            return LicenceTransition.valueOf(action);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("action", "field.invalid")));
        }
    }

    private static LocalDate suspendedUntil(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError(SUSPENDED_UNTIL, "field.date")));
        }
    }
}
