package org.fairrecruit.registry.fee;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One version of a destination country's fee policy, in force from {@code validFrom} until the next version. */
@Serdeable
public record FeePolicy(long id, String country, LocalDate validFrom, Rule rule, List<Ceiling> ceilings,
                        long proposalId, String proposedBy, String approvedBy) {

    public enum Rule {
        /** Every fee charged to the worker is prohibited. */
        EMPLOYER_PAYS,
        /** The fee types listed may be charged up to their ceiling; any other type is prohibited. */
        CEILING
    }

    /** An amount in a currency, or a number of months of the worker's contract wage. */
    @Serdeable
    public record Ceiling(String feeType, @Nullable BigDecimal maxAmount, @Nullable String currency,
                          @Nullable BigDecimal maxMonthsOfWage) {
    }

    Optional<Ceiling> ceilingFor(String feeType) {
        return ceilings.stream().filter(c -> c.feeType().equals(feeType)).findFirst();
    }
}
