package org.fairrecruit.registry.fee;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded fee with its evaluation: whether it broke the policy in force on the day it was paid
 * ({@code prohibited}), by how much, and which policy version said so. Money as decimal strings.
 */
@Serdeable
public record Fee(long id, long complaintId, String feeType, String amount, String currency,
                  @Nullable LocalDate paidOn, @Nullable String paidTo, @Nullable String paidToName,
                  @Nullable String destinationCountry, @Nullable Long evidenceId, boolean prohibited,
                  String prohibitedAmount, String evaluation, String evaluationReason, @Nullable Long policyId,
                  @Nullable LocalDate policyValidFrom, String refundOrdered, String refunded, String addedBy,
                  Instant addedAt) {
}
