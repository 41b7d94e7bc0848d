package org.fairrecruit.registry.fee;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Aggregates of prohibited fees for reports, always per currency (amounts of two currencies are never
 * added). Fees count by the day they were paid in [from, until); a null filter means "any". Public
 * figures pass {@code provenOnly}: only fees of cases found substantiated are facts.
 */
@Singleton
public class FeeStatistics {
    /** Prohibited fees of one group (a destination or an agency) in one currency, and how many cases they come from. */
    public record Total(String group, String currency, long cases, BigDecimal amount) {
    }

    /** Per currency: what was found prohibited, the refunds ordered of it and what was paid back. */
    public record Refunds(String currency, BigDecimal prohibited, BigDecimal ordered, BigDecimal refunded) {
    }

    private static final String FEES = " FROM fee_record f";
    private static final String PROHIBITED = " WHERE f.evaluation = 'PROHIBITED'"
            + " AND f.paid_on >= ? AND f.paid_on < ? AND (? IS NULL OR f.destination_country = ?)"
            + " AND (? IS NULL OR f.agency_id = ?) AND (? = FALSE OR f.proven)";
    private static final String REFUND_JOINS =
            " LEFT JOIN (SELECT fee_id, SUM(amount) AS amount FROM refund_order GROUP BY fee_id) o ON o.fee_id = f.id"
            + " LEFT JOIN (SELECT fee_id, SUM(amount) AS amount FROM refund_payment GROUP BY fee_id) p ON p.fee_id = f.id";
    private final Sql sql;

    FeeStatistics(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public List<Total> prohibitedByDestination(LocalDate from, LocalDate until, @Nullable String destination,
                                               @Nullable Long agency, boolean provenOnly) {
        return sql.list("SELECT COALESCE(f.destination_country, ''), f.currency, COUNT(DISTINCT f.complaint_id),"
                        + " SUM(f.prohibited_amount)" + FEES + PROHIBITED + " GROUP BY 1, 2 ORDER BY 1, 2",
                rs -> new Total(rs.getString(1), rs.getString(2), rs.getLong(3), Money.round(rs.getBigDecimal(4), rs.getString(2))),
                from, until, destination, destination, agency, agency, provenOnly);
    }

    /** The {@code limit} agencies with the most prohibited fees per currency (fees of no known agency left out). */
    @Transactional(readOnly = true)
    public List<Total> prohibitedByAgency(LocalDate from, LocalDate until, @Nullable String destination,
                                          @Nullable Long agency, int limit) {
        return sql.list("SELECT * FROM (SELECT f.agency_id, f.currency, COUNT(DISTINCT f.complaint_id) AS cases,"
                        + " SUM(f.prohibited_amount) AS amount," + " ROW_NUMBER() OVER (PARTITION BY f.currency"
                        + " ORDER BY SUM(f.prohibited_amount) DESC, f.agency_id) AS place" + FEES + PROHIBITED
                        + " AND f.agency_id IS NOT NULL GROUP BY f.agency_id, f.currency) ranked WHERE place <= ?"
                        + " ORDER BY currency, place",
                rs -> new Total(rs.getString(1), rs.getString(2), rs.getLong(3), Money.round(rs.getBigDecimal(4), rs.getString(2))),
                from, until, destination, destination, agency, agency, false, limit);
    }

    @Transactional(readOnly = true)
    public List<Refunds> refunds(LocalDate from, LocalDate until, @Nullable String destination, @Nullable Long agency) {
        return sql.list("SELECT f.currency, SUM(f.prohibited_amount), COALESCE(SUM(o.amount), 0), COALESCE(SUM(p.amount), 0)"
                        + FEES + REFUND_JOINS + PROHIBITED + " GROUP BY f.currency ORDER BY f.currency",
                rs -> new Refunds(rs.getString(1), Money.round(rs.getBigDecimal(2), rs.getString(1)),
                        Money.round(rs.getBigDecimal(3), rs.getString(1)), Money.round(rs.getBigDecimal(4), rs.getString(1))),
                from, until, destination, destination, agency, agency, false);
    }
}
