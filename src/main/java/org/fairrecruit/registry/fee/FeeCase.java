package org.fairrecruit.registry.fee;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/** The facts of a complaint case that its fees are evaluated and totalled by. */
public record FeeCase(long complaintId, @Nullable Long agencyId, @Nullable String destinationCountry,
                      @Nullable BigDecimal monthlyWage, @Nullable String wageCurrency) {
}
