package org.fairrecruit.registry.identity;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.approval.ProposalDraft;
import org.fairrecruit.registry.approval.ProposalHandler;
import org.fairrecruit.registry.approval.ProposalSubject;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * Giving an account the approver role (SUPERVISOR) is itself a four-eyes decision, so an administrator
 * cannot make itself, or an account whose password it chose, the second pair of eyes.
 */
@Singleton
class StaffAccessDecisions implements ProposalHandler {
    static final String SUBJECT = "STAFF_ACCESS";
    static final String GRANT = "GRANT_APPROVER_ROLE";
    static final String ROLES = "roles";
    static final String ENABLED = "enabled";
    // IdentityService proposes through FourEyes, which holds every handler: a provider breaks the cycle.
    private final Provider<IdentityService> identity;

    StaffAccessDecisions(Provider<IdentityService> identity) {
        this.identity = identity;
    }

    @Override
    public String subjectKind() {
        return SUBJECT;
    }

    @Override
    public void check(ProposalDraft draft) {
        if (!GRANT.equals(draft.action()) || draft.subjectId() == null) {
            throw new IllegalArgumentException("Unknown staff access proposal " + draft.action());
        }
    }

    @Override
    public Optional<Long> carryOut(Proposal proposal, String approver) {
        identity.get().applyApproved(approver, proposal.subjectId(),
                new LinkedHashSet<>(Arrays.asList(proposal.details().get(ROLES).split(","))),
                Boolean.parseBoolean(proposal.details().get(ENABLED)), proposal.id());
        return Optional.empty();
    }

    @Override
    public ProposalSubject subject(Proposal proposal) {
        String name = identity.get().all().stream().filter(m -> m.id() == proposal.subjectId().longValue())
                .map(m -> m.displayName() + " (" + m.username() + ")").findFirst().orElse("#" + proposal.subjectId());
        return new ProposalSubject(name, "/admin/users");
    }
}
