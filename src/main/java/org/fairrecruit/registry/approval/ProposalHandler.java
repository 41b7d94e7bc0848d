package org.fairrecruit.registry.approval;

import java.util.Map;
import java.util.Optional;

/**
 * The capability that owns a kind of subject (licences, blacklist entries) decides what can be
 * proposed on it and carries out what a second person approved.
 */
public interface ProposalHandler {
    /** The subject kind this handler owns, e.g. "LICENCE". */
    String subjectKind();

    /**
     * Refuses, by throwing, an action that cannot be proposed on the subject as it stands now. Asked again of open
     * proposals when their subject changes: a refusal then makes the proposal obsolete.
     */
    void check(ProposalDraft draft);

    /**
     * Carries out an approved proposal, in the approval's transaction; returns the id of the subject
     * it created, when the proposal was to create one (e.g. a blacklist entry).
     */
    Optional<Long> carryOut(Proposal proposal, String approver);

    /** Told, in the closing transaction, that the proposal ended without being carried out (rejected, withdrawn, obsolete). */
    default void rejected(Proposal proposal, String rejectedBy) {
    }

    /** The record the proposal is about, named so that a reviewer recognises it, with a link. */
    ProposalSubject subject(Proposal proposal);

    /** The details as staff lists may show them: identity documents masked, for one. */
    default Map<String, String> shownDetails(Proposal proposal) {
        return proposal.details();
    }
}
