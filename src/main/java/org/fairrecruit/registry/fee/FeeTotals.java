package org.fairrecruit.registry.fee;

import io.micronaut.serde.annotation.Serdeable;

/** An agency's fees in one currency: charged, prohibited, refunds ordered and paid, and what is still owed. */
@Serdeable
public record FeeTotals(String currency, String charged, String prohibited, String ordered, String refunded,
                        String outstanding) {
}
