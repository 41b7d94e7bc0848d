package org.fairrecruit.registry.fee;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * What reports count of one fee record: the month it was paid (null if not known), destination
 * ({@code ""} if unknown), agency ({@code 0} if none), currency, whether it was found prohibited and
 * how much of it, whether its case was substantiated, and the refunds ordered and paid of it.
 */
public record FeeFacts(long id, long complaintId, @Nullable YearMonth month, String destination, long agency,
                       String currency, boolean prohibited, BigDecimal prohibitedAmount, boolean proven,
                       BigDecimal ordered, BigDecimal refunded) {

    /**
     * Fees' facts before and after one change, in the transaction that made it (a new fee has no
     * before). Published synchronously, so a listener's writes commit or roll back with the change.
     */
    public record Changed(List<FeeFacts> before, List<FeeFacts> after) {
    }
}
