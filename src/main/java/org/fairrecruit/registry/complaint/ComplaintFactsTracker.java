package org.fairrecruit.registry.complaint;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every write to a case's counted columns goes through here, so listeners (reports) learn of each
 * change without this package knowing them: the facts are read before (locking the row) and after
 * the change, and published in the same transaction when they differ.
 */
@Singleton
class ComplaintFactsTracker {
    private static final String OPEN = Arrays.stream(ComplaintStatus.values()).filter(ComplaintStatus::open)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    private static final String SELECT = "SELECT id, YEAR(received_at), MONTH(received_at), category, channel,"
            + " COALESCE(destination_country, ''), COALESCE(agency_id, 0), status IN (" + OPEN + "), due_on"
            + " FROM complaint WHERE id = ?";
    private final Sql sql;
    private final ApplicationEventPublisher<ComplaintFacts.Changed> publisher;

    ComplaintFactsTracker(Sql sql, ApplicationEventPublisher<ComplaintFacts.Changed> publisher) {
        this.sql = sql;
        this.publisher = publisher;
    }

    /** A new case's facts, as its writer knows them (nothing read back). */
    void inserted(ComplaintFacts facts) {
        publisher.publishEvent(new ComplaintFacts.Changed(null, facts));
    }

    void changing(long id, Runnable change) {
        ComplaintFacts before = facts(id, " FOR UPDATE");
        change.run();
        ComplaintFacts after = facts(id, "");
        if (!before.equals(after)) {
            publisher.publishEvent(new ComplaintFacts.Changed(before, after));
        }
    }

    private ComplaintFacts facts(long id, String lock) {
        return sql.one(SELECT + lock, rs -> {
            boolean open = rs.getBoolean(8);
            return new ComplaintFacts(rs.getLong(1), YearMonth.of(rs.getInt(2), rs.getInt(3)),
                    Category.valueOf(rs.getString(4)), Channel.valueOf(rs.getString(5)), rs.getString(6), rs.getLong(7),
                    open, open ? Sql.date(rs, "due_on") : null);
        }, id).orElseThrow();
    }
}
