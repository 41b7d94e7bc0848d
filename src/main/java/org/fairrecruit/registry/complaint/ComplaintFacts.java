package org.fairrecruit.registry.complaint;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What reports count of one case: the month it was received, its category, channel, destination
 * ({@code ""} if unknown) and agency ({@code 0} if none), and, while it is open, its due date.
 */
public record ComplaintFacts(long id, YearMonth month, Category category, Channel channel, String destination,
                             long agency, boolean open, @Nullable LocalDate dueOn) {

    /**
     * A case's facts before and after one change in the transaction that made it (null before: it is
     * new). Published synchronously, so a listener's writes commit or roll back with the change.
     */
    public record Changed(@Nullable ComplaintFacts before, ComplaintFacts after) {
    }
}
