package org.fairrecruit.registry.approval;

import java.util.Optional;

/**
 * The capability that owns a kind of subject (licences, blacklist entries) decides what can be
 * proposed on it and carries out what a second person approved.
 */
public interface ProposalHandler {
    /** The subject kind this handler owns, e.g. "LICENCE". */
    String subjectKind();

    /** Refuses, by throwing, an action that cannot be proposed on the subject as it stands now. */
    void check(ProposalDraft draft);

    /**
     * Carries out an approved proposal, in the approval's transaction; returns the id of the subject
     * it created, when the proposal was to create one (e.g. a blacklist entry).
     */
    Optional<Long> carryOut(Proposal proposal, String approver);

    /** Told, in the rejection's transaction, that a supervisor rejected the proposal. */
    default void rejected(Proposal proposal, String rejectedBy) {
    }

    /** Where a person reviewing the proposal can see its subject. */
    String subjectPath(Proposal proposal);
}
