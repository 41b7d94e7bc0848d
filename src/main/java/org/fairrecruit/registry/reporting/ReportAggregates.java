package org.fairrecruit.registry.reporting;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.complaint.Category;
import org.fairrecruit.registry.complaint.Channel;
import org.fairrecruit.registry.complaint.ComplaintFacts;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.fee.FeeFacts;
import org.fairrecruit.registry.fee.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps the report summaries (V60) current: each change of a case's or a fee's facts, published by
 * the complaint and fee capabilities inside the transaction that made it, takes its old facts out
 * of the summaries and puts its new ones in, in that same transaction. A change that rolls back
 * rolls its counts back with it; two writers adding to one summary row each add atomically
 * ({@code INSERT ... ON DUPLICATE KEY UPDATE n = n + delta} under the row's lock), and a change
 * writes its rows in key order, so two changes of the same rows lock them in the same order.
 * Events rather than an interface the lower packages call: complaint and fee stay unaware of who
 * counts (reports now, others later) and need no bean of reporting to start.
 */
@Singleton
class ReportAggregates {
    /** The due date of a case without one, in {@code report_open_case} (a key column cannot be NULL). */
    private static final LocalDate NONE_DUE = LocalDate.of(9999, 12, 31);
    /** Rows every new case adds to are split into this many slots (V63), so parallel changes rarely wait on one. */
    private static final int SLOTS = 16;
    private static final Table COMPLAINTS = new Table("report_complaint_month",
            List.of("month", "category", "channel", "destination_country", "agency_id"), List.of("complaints"), true);
    private static final Table OPEN_CASES = new Table("report_open_case",
            List.of("due_on", "category", "destination_country", "agency_id"), List.of("cases"), true);
    /** The same counts without destination and agency (V97): what every read of an unnarrowed filter needs. */
    private static final Table COMPLAINT_TOTALS = new Table("report_complaint_total",
            List.of("month", "category", "channel"), List.of("complaints"), true);
    private static final Table OPEN_CASE_TOTALS = new Table("report_open_case_total", List.of("due_on"), List.of("cases"),
            true);
    private static final Table FEES = new Table("report_fee_month",
            List.of("month", "currency", "destination_country", "agency_id", "proven"),
            List.of("fees", "prohibited", "ordered", "refunded"), true);
    /** The same sums without the agency (V91): what every read without an agency filter needs. */
    private static final Table FEE_TOTALS = new Table("report_fee_total",
            List.of("month", "currency", "destination_country", "proven"),
            List.of("fees", "prohibited", "ordered", "refunded"), true);
    private static final Table FEE_CASES = new Table("report_fee_case",
            List.of("month", "currency", "destination_country", "complaint_id"), List.of("fees"), false);
    /** Fees of all time per agency (V95): the bound of what an agency can have in a period. */
    private static final Table FEE_AGENCY_TOTALS = new Table("report_fee_agency_total", List.of("currency", "agency_id"),
            List.of("fees", "prohibited"), false);
    /**
     * How many agencies, per place of the ranking, the first round of {@link #prohibitedByAgency} sums, and
     * the most a round sums before every agency is: at the scale set ten places needed the first 120.
     */
    private static final int FIRST_ASKED = 16;
    private static final int MOST_ASKED = 64;
    private static final String COMPLAINT_FILTERS = " AND (? IS NULL OR destination_country = ?)"
            + " AND (? IS NULL OR category = ?) AND (? IS NULL OR agency_id = ?)";
    private static final String FEE_PERIOD = " WHERE month >= ? AND month < ? AND (? IS NULL OR destination_country = ?)";
    private static final String FEE_FILTERS = FEE_PERIOD + " AND (? IS NULL OR agency_id = ?)";
    private final Sql sql;

    ReportAggregates(Sql sql) {
        this.sql = sql;
    }

    /** How an open case stands against its due date, worst first. */
    enum Ageing { OVERDUE_OVER_30_DAYS, OVERDUE, DUE_WITHIN_7_DAYS, DUE_LATER, NO_DUE_DATE }

    record MonthCount(YearMonth month, Category category, Channel channel, long count) {
    }

    /** Prohibited fees of one group (a destination or an agency id) in one currency. */
    record Total(String group, String currency, BigDecimal amount) {
    }

    /** Prohibited fees of substantiated cases to one destination in one currency, and how many cases they come from. */
    record ProvenTotal(String destination, String currency, long cases, BigDecimal amount) {
    }

    /** Per currency: what was found prohibited, the refunds ordered of it and what was paid back. */
    record Refunds(String currency, BigDecimal prohibited, BigDecimal ordered, BigDecimal refunded) {
    }

    /** Cases received in the filter's months, per month, category and channel. */
    List<MonthCount> complaintsPerMonth(ReportFilter f) {
        return sql.list("SELECT YEAR(month), MONTH(month), category, channel, SUM(complaints) FROM "
                        + (f.narrowed() ? COMPLAINTS : COMPLAINT_TOTALS).name() + " WHERE month >= ? AND month < ?"
                        + complaintFilters(f) + " GROUP BY month, category, channel",
                rs -> new MonthCount(YearMonth.of(rs.getInt(1), rs.getInt(2)), Category.valueOf(rs.getString(3)),
                        Channel.valueOf(rs.getString(4)), rs.getLong(5)),
                complaintParams(f, f.start(), f.end()));
    }

    /** Open cases (of the filter's destination, category and agency) by how they stand on {@code today}; every bucket present. */
    Map<Ageing, Long> openCasesByAgeing(LocalDate today, ReportFilter f) {
        Map<Ageing, Long> counts = new LinkedHashMap<>();
        Arrays.stream(Ageing.values()).forEach(bucket -> counts.put(bucket, 0L));
        sql.list("""
                SELECT CASE WHEN due_on = ? THEN 'NO_DUE_DATE'
                            WHEN due_on < ? THEN 'OVERDUE_OVER_30_DAYS'
                            WHEN due_on < ? THEN 'OVERDUE'
                            WHEN due_on <= ? THEN 'DUE_WITHIN_7_DAYS'
                            ELSE 'DUE_LATER' END, SUM(cases)
                FROM\s""" + (f.narrowed() ? OPEN_CASES : OPEN_CASE_TOTALS).name() + " WHERE TRUE" + complaintFilters(f)
                        + " GROUP BY 1",
                rs -> counts.put(Ageing.valueOf(rs.getString(1)), rs.getLong(2)),
                complaintParams(f, NONE_DUE, today.minusDays(30), today, today.plusDays(7)));
        return counts;
    }

    /** Prohibited fees paid in the filter's months, per destination ('' unknown) and currency. */
    List<Total> prohibitedByDestination(ReportFilter f) {
        return sql.list("SELECT destination_country, currency, SUM(prohibited)" + feeRows(f)
                        + " GROUP BY 1, 2 HAVING SUM(fees) > 0 ORDER BY 1, 2",
                rs -> new Total(rs.getString(1), rs.getString(2), Money.round(rs.getBigDecimal(3), rs.getString(2))),
                feeParams(f));
    }

    /**
     * The {@code limit} agencies with the most prohibited fees per currency (fees of no known agency left
     * out). Amounts are never negative, so an agency's fees of all time (V95) bound its fees in any period:
     * the period is summed for the agencies with the most fees of all time only, more of them each round,
     * until the last place holds more than any agency not summed has of all time. Periods whose leaders
     * are not among those agencies (an old period, a small destination) have every agency summed.
     */
    @Transactional(readOnly = true)
    List<Total> prohibitedByAgency(ReportFilter f, int limit) {
        return sql.list("SELECT DISTINCT currency FROM report_fee_agency_total ORDER BY currency", rs -> rs.getString(1))
                .stream().flatMap(currency -> topAgencies(f, currency, limit).stream()
                        .map(t -> new Total(t.group(), currency, Money.round(t.amount(), currency))))
                .toList();
    }

    /** In order, with the amounts as stored (unrounded, so they compare exactly with the bound). */
    private List<Total> topAgencies(ReportFilter f, String currency, int limit) {
        for (int asked = FIRST_ASKED * limit; asked <= MOST_ASKED * limit; asked *= 4) {
            List<Total> ranked = ranking(f, currency, limit, " JOIN (SELECT agency_id FROM report_fee_agency_total"
                    + " WHERE currency = ? AND agency_id <> 0 AND (? IS NULL OR agency_id = ?) ORDER BY prohibited DESC"
                    + " LIMIT ?) asked USING (agency_id)", currency, f.agency(), f.agency(), asked);
            Optional<BigDecimal> notAsked = sql.one("SELECT prohibited FROM report_fee_agency_total WHERE currency = ?"
                            + " AND agency_id <> 0 AND (? IS NULL OR agency_id = ?) ORDER BY prohibited DESC LIMIT 1 OFFSET ?",
                    rs -> rs.getBigDecimal(1), currency, f.agency(), f.agency(), asked);
            if (notAsked.isEmpty() || ranked.size() == limit && ranked.get(limit - 1).amount().compareTo(notAsked.get()) > 0) {
                return ranked;
            }
        }
        return ranking(f, currency, limit, "");
    }

    /** The agencies' ranking by the period's prohibited fees in one currency, of those {@code agencies} joins in. */
    private List<Total> ranking(ReportFilter f, String currency, int limit, String agencies, Object... agencyParams) {
        List<Object> params = new ArrayList<>(Arrays.asList(agencyParams));
        params.addAll(Arrays.asList(f.start(), f.end(), f.destination(), f.destination(), f.agency(), f.agency(), currency,
                limit));
        return sql.list("SELECT agency_id, SUM(prohibited) FROM report_fee_month" + agencies + FEE_FILTERS
                        + " AND currency = ? AND agency_id <> 0 GROUP BY agency_id HAVING SUM(fees) > 0"
                        + " ORDER BY SUM(prohibited) DESC, agency_id LIMIT ?",
                rs -> new Total(rs.getString(1), currency, rs.getBigDecimal(2)), params.toArray());
    }

    List<Refunds> refunds(ReportFilter f) {
        return sql.list("SELECT currency, SUM(prohibited), SUM(ordered), SUM(refunded)" + feeRows(f)
                        + " GROUP BY currency HAVING SUM(fees) > 0 ORDER BY currency",
                rs -> new Refunds(rs.getString(1), Money.round(rs.getBigDecimal(2), rs.getString(1)),
                        Money.round(rs.getBigDecimal(3), rs.getString(1)), Money.round(rs.getBigDecimal(4), rs.getString(1))),
                feeParams(f));
    }

    /** What the public sees of fees: only those of substantiated cases, each case counted once per group. */
    List<ProvenTotal> provenByDestination(ReportFilter f) {
        return sql.list("""
                SELECT m.destination_country, m.currency, c.cases, m.amount
                FROM (SELECT destination_country, currency, SUM(prohibited) AS amount FROM report_fee_total
                      WHERE proven AND month >= ? AND month < ? GROUP BY 1, 2 HAVING SUM(fees) > 0) m
                JOIN (SELECT destination_country, currency, COUNT(DISTINCT complaint_id) AS cases FROM report_fee_case
                      WHERE fees > 0 AND month >= ? AND month < ? GROUP BY 1, 2) c USING (destination_country, currency)
                ORDER BY 1, 2""",
                rs -> new ProvenTotal(rs.getString(1), rs.getString(2), rs.getLong(3),
                        Money.round(rs.getBigDecimal(4), rs.getString(2))),
                f.start(), f.end(), f.start(), f.end());
    }

    /** The narrowing of a complaint summary read: none on the totals (V97), which only an unnarrowed filter reads. */
    private static String complaintFilters(ReportFilter f) {
        return f.narrowed() ? COMPLAINT_FILTERS : "";
    }

    private static Object[] complaintParams(ReportFilter f, Object... leading) {
        List<Object> params = new ArrayList<>(Arrays.asList(leading));
        if (f.narrowed()) {
            params.addAll(Arrays.asList(f.destination(), f.destination(), f.category(), f.category(), f.agency(), f.agency()));
        }
        return params.toArray();
    }

    /** The fee summary rows of the filter: the agency-free totals unless it names an agency. */
    private static String feeRows(ReportFilter f) {
        return f.agency() == null ? " FROM report_fee_total" + FEE_PERIOD : " FROM report_fee_month" + FEE_FILTERS;
    }

    private static Object[] feeParams(ReportFilter f) {
        return f.agency() == null ? new Object[] {f.start(), f.end(), f.destination(), f.destination()}
                : new Object[] {f.start(), f.end(), f.destination(), f.destination(), f.agency(), f.agency()};
    }

    @EventListener
    void complaintChanged(ComplaintFacts.Changed change) {
        Deltas complaints = new Deltas(COMPLAINTS);
        Deltas open = new Deltas(OPEN_CASES);
        Deltas complaintTotals = new Deltas(COMPLAINT_TOTALS);
        Deltas openTotals = new Deltas(OPEN_CASE_TOTALS);
        count(complaints, open, complaintTotals, openTotals, change.before(), -1);
        count(complaints, open, complaintTotals, openTotals, change.after(), 1);
        complaints.apply(sql);
        open.apply(sql);
        complaintTotals.apply(sql);
        openTotals.apply(sql);
    }

    @EventListener
    void feesChanged(FeeFacts.Changed change) {
        Deltas fees = new Deltas(FEES);
        Deltas totals = new Deltas(FEE_TOTALS);
        Deltas cases = new Deltas(FEE_CASES);
        Deltas agencies = new Deltas(FEE_AGENCY_TOTALS);
        change.before().forEach(fee -> count(fees, totals, cases, agencies, fee, -1));
        change.after().forEach(fee -> count(fees, totals, cases, agencies, fee, 1));
        fees.apply(sql);
        totals.apply(sql);
        cases.apply(sql);
        agencies.apply(sql);
    }

    private static void count(Deltas complaints, Deltas open, Deltas complaintTotals, Deltas openTotals, ComplaintFacts c,
                              int sign) {
        if (c == null) {
            return;
        }
        complaints.add(sign, List.of(c.month().atDay(1), c.category().name(), c.channel().name(), c.destination(),
                c.agency()), BigDecimal.ONE);
        complaintTotals.add(sign, List.of(c.month().atDay(1), c.category().name(), c.channel().name()), BigDecimal.ONE);
        if (c.open()) {
            LocalDate due = c.dueOn() == null ? NONE_DUE : c.dueOn();
            open.add(sign, List.of(due, c.category().name(), c.destination(), c.agency()), BigDecimal.ONE);
            openTotals.add(sign, List.of(due), BigDecimal.ONE);
        }
    }

    /** Only prohibited fees with a payment date are counted: reports place fees by the month paid. */
    private static void count(Deltas fees, Deltas totals, Deltas cases, Deltas agencies, FeeFacts f, int sign) {
        if (!f.prohibited() || f.month() == null) {
            return;
        }
        fees.add(sign, List.of(f.month().atDay(1), f.currency(), f.destination(), f.agency(), f.proven()),
                BigDecimal.ONE, f.prohibitedAmount(), f.ordered(), f.refunded());
        totals.add(sign, List.of(f.month().atDay(1), f.currency(), f.destination(), f.proven()),
                BigDecimal.ONE, f.prohibitedAmount(), f.ordered(), f.refunded());
        agencies.add(sign, List.of(f.currency(), f.agency()), BigDecimal.ONE, f.prohibitedAmount());
        if (f.proven()) {
            cases.add(sign, List.of(f.month().atDay(1), f.currency(), f.destination(), f.complaintId()), BigDecimal.ONE);
        }
    }

    /** A summary table; {@code slotted} ones take a slot column after their keys (readers sum over it). */
    private record Table(String name, List<String> keys, List<String> measures, boolean slotted) {
        String upsert() {
            List<String> columns = new ArrayList<>(keys);
            if (slotted) {
                columns.add("slot");
            }
            columns.addAll(measures);
            return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON DUPLICATE KEY UPDATE "
                    + String.join(", ", measures.stream().map(m -> m + " = " + m + " + VALUES(" + m + ")").toList());
        }
    }

    /** What one change adds to (or takes from) each row of a summary table. */
    private static final class Deltas {
        private final Table table;
        private final Map<List<Object>, BigDecimal[]> rows = new HashMap<>();

        Deltas(Table table) {
            this.table = table;
        }

        void add(int sign, List<Object> key, BigDecimal... values) {
            BigDecimal[] sums = rows.computeIfAbsent(key, k -> Collections.nCopies(values.length, BigDecimal.ZERO)
                    .toArray(BigDecimal[]::new));
            for (int i = 0; i < values.length; i++) {
                sums[i] = sums[i].add(sign < 0 ? values[i].negate() : values[i]);
            }
        }

        /** One slot for the whole change, so its rows are still locked in key order. */
        void apply(Sql sql) {
            int slot = ThreadLocalRandom.current().nextInt(SLOTS);
            rows.entrySet().stream()
                    .filter(row -> Arrays.stream(row.getValue()).anyMatch(v -> v.signum() != 0))
                    .sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
                    .forEach(row -> {
                        List<Object> params = new ArrayList<>(row.getKey());
                        if (table.slotted()) {
                            params.add(slot);
                        }
                        params.addAll(List.of(row.getValue()));
                        sql.update(table.upsert(), params.toArray());
                    });
        }
    }
}
