package org.fairrecruit.registry.licensing;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One line of a licence's status history: every transition with its reason, legal basis, actor and time.
 * {@code reasonKey} replaces {@code reason} for transitions the system makes (a message key).
 */
@Serdeable
public record StatusChange(long id, long licenceId, LicenceStatus from, LicenceStatus to, String reason,
                           String reasonKey, String legalBasis, String actor, Long proposalId, Instant occurredAt) {
}
