package org.fairrecruit.registry.fee;

import io.micronaut.serde.annotation.Serdeable;

/** Prohibited fees proven against an agency, in one currency: all the public sees of its fee records. */
@Serdeable
public record PublicFeeTotal(String currency, String amount) {
}
