package org.fairrecruit.registry.fee;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every write to a fee's counted columns or to its refunds goes through here, so listeners
 * (reports) learn of each change without this package knowing them: the facts of the fees a
 * change touches are read before (locking them) and after it, and published in its transaction.
 */
@Singleton
class FeeFactsTracker {
    private static final String SELECT = """
            SELECT f.id, f.complaint_id, YEAR(f.paid_on), MONTH(f.paid_on), COALESCE(f.destination_country, ''),
                COALESCE(f.agency_id, 0), f.currency, f.evaluation = 'PROHIBITED', f.prohibited_amount, f.proven,
                (SELECT COALESCE(SUM(o.amount), 0) FROM refund_order o WHERE o.fee_id = f.id),
                (SELECT COALESCE(SUM(r.amount), 0) FROM refund_payment r WHERE r.fee_id = f.id)
            FROM fee_record f WHERE\s""";
    private final Sql sql;
    private final ApplicationEventPublisher<FeeFacts.Changed> publisher;

    FeeFactsTracker(Sql sql, ApplicationEventPublisher<FeeFacts.Changed> publisher) {
        this.sql = sql;
        this.publisher = publisher;
    }

    /** A new fee's facts, as its writer knows them (nothing read back). */
    void inserted(FeeFacts fee) {
        publisher.publishEvent(new FeeFacts.Changed(List.of(), List.of(fee)));
    }

    /** {@code where} (over fee_record f) picks the fees {@code change} writes to; its result is returned. */
    <T> T changing(Supplier<T> change, String where, Object... params) {
        List<FeeFacts> before = facts(where, " ORDER BY f.id FOR UPDATE", params);
        T result = change.get();
        List<FeeFacts> after = before.stream().flatMap(fee -> facts("f.id = ?", "", fee.id()).stream()).toList();
        if (!before.equals(after)) {
            publisher.publishEvent(new FeeFacts.Changed(before, after));
        }
        return result;
    }

    private List<FeeFacts> facts(String where, String tail, Object... params) {
        return sql.list(SELECT + where + tail, rs -> {
            int year = rs.getInt(3);
            YearMonth month = rs.wasNull() ? null : YearMonth.of(year, rs.getInt(4));
            return new FeeFacts(rs.getLong(1), rs.getLong(2), month, rs.getString(5), rs.getLong(6), rs.getString(7),
                    rs.getBoolean(8), rs.getBigDecimal(9), rs.getBoolean(10), rs.getBigDecimal(11), rs.getBigDecimal(12));
        }, params);
    }
}
