package org.fairrecruit.registry.sanction;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An approved sanction on an agency. {@code amount} and {@code currency} (ISO 4217) are set for a fine only. */
@Serdeable
public record Sanction(long id, long agencyId, SanctionKind kind, BigDecimal amount, String currency, String reason,
                       String legalBasis, String caseReference, LocalDate imposedOn, long proposalId, String proposedBy,
                       String decidedBy) {
}
