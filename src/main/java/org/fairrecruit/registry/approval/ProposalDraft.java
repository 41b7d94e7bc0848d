package org.fairrecruit.registry.approval;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * What a proposer submits: the subject, the action, why and on what legal basis, and the action's own
 * fields. {@code subjectId} is null when the approval creates the subject (e.g. a new blacklist entry).
 */
@Serdeable
public record ProposalDraft(String subjectKind, Long subjectId, String action, String reason, String legalBasis,
                            Map<String, String> details) {
}
