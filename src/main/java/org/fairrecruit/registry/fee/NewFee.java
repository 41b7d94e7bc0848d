package org.fairrecruit.registry.fee;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * A fee as a worker or an investigator reports it. {@code amount} is a decimal string in the ISO 4217
 * {@code currency}. {@code paidTo} is AGENCY, SUB_AGENT or PERSON, or the name of whoever took the
 * money as the worker said it; {@code paidToName} names the sub-agent or person.
 */
@Serdeable
public record NewFee(String feeType, String amount, String currency, @Nullable LocalDate paidOn,
                     @Nullable String paidTo, @Nullable String paidToName, @Nullable String destinationCountry,
                     @Nullable Long evidenceId) {
}
