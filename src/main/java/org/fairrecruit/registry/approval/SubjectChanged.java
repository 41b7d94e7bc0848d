package org.fairrecruit.registry.approval;

/**
 * Published (synchronously, in the changing transaction) by a capability whose record changed, so that open
 * proposals on it that can no longer apply are closed as obsolete instead of blocking every later proposal.
 */
public record SubjectChanged(String subjectKind, long subjectId, String actor) {
}
