package org.fairrecruit.registry.licensing;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One line of a licence's status history: every transition with its legal basis, actor and time. What the
 * public and the agency learn is {@code reasonKey} (a message key: the coded public reason, or the system's
 * own reason) and {@code publicRemarks} (written in {@code remarksLang}); {@code reason} is the decider's
 * internal note, shown to staff only.
 */
@Serdeable
public record StatusChange(long id, long licenceId, LicenceStatus from, LicenceStatus to, String reason,
                           String reasonKey, String publicRemarks, String remarksLang, String legalBasis, String actor,
                           Long proposalId, Instant occurredAt) {
}
