package org.fairrecruit.registry.approval;

/**
 * What a proposal is about, as a reviewer must see it before deciding: a title naming the record (agency and
 * licence number, person, case reference) and where to look at it.
 */
public record ProposalSubject(String title, String path) {
}
