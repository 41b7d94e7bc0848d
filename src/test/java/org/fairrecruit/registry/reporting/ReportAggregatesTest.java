package org.fairrecruit.registry.reporting;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.complaint.CaseView;
import org.fairrecruit.registry.complaint.Category;
import org.fairrecruit.registry.complaint.Channel;
import org.fairrecruit.registry.complaint.ComplaintCases;
import org.fairrecruit.registry.complaint.ComplaintIntake;
import org.fairrecruit.registry.complaint.ComplaintStatus;
import org.fairrecruit.registry.complaint.NewComplaint;
import org.fairrecruit.registry.complaint.Outcome;
import org.fairrecruit.registry.complaint.OutcomeDecisions;
import org.fairrecruit.registry.complaint.PublicReason;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.fee.Fee;
import org.fairrecruit.registry.fee.FeePolicyDecisions;
import org.fairrecruit.registry.fee.FeeRecords;
import org.fairrecruit.registry.fee.NewFee;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report summaries, kept current change by change, against a full recount from the cases and
 * fees themselves (the counts of this test's own agencies, so other tests' data does not matter).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAggregatesTest {
    private static final Authentication SUPERVISOR = Authentication.build("supervisor-ra", Set.of(Roles.SUPERVISOR));
    private static final String INVESTIGATOR = "investigator-ra";
    private static final LocalDate PAID = LocalDate.now().minusMonths(2);
    private static final LocalDate LONG_AGO = LocalDate.now().minusYears(3);

    @Inject ComplaintIntake intake;
    @Inject ComplaintCases cases;
    @Inject OutcomeDecisions outcomes;
    @Inject FeePolicyDecisions policies;
    @Inject FeeRecords fees;
    @Inject FourEyes fourEyes;
    @Inject RegisterFixtures register;
    @Inject TransactionOperations<Connection> tx;
    @Inject Sql sql;
    @Inject ReportAggregates aggregates;

    @BeforeAll
    void employerPaysInQatar() {
        approvePolicy("QA");
    }

    @Test
    void summaries_equal_a_full_recount_after_new_cases_moves_links_fees_corrections_and_refunds() {
        long first = register.agency("Recount First Manpower").id();
        long second = register.agency("Recount Second Overseas").id();
        // Two currencies in one case; and a fee to Brunei, undetermined until a policy for it is approved.
        long twoCurrencies = receive(Channel.WEB, Category.PROHIBITED_FEES, first, "QA",
                fee("RECRUITMENT_FEE", "1200.00", "QAR"), fee("RECRUITMENT_FEE", "50000", "NPR"));
        long brunei = receive(Channel.PHONE, Category.DECEPTION, first, "BN", fee("MEDICAL", "300.00", "BND"));
        long moved = receive(Channel.EMAIL, Category.ABUSE, first, "QA", fee("RECRUITMENT_FEE", "800.00", "QAR"));
        receive(Channel.WALK_IN, Category.OTHER, second, null);

        cases.move(INVESTIGATOR, moved, ComplaintStatus.TRIAGED, "Agency named.");
        cases.link(INVESTIGATOR, moved, new ComplaintCases.Links(second, null, List.of(), "900", "QAR"));
        cases.addFee(SUPERVISOR, moved, fee("ADMINISTRATIVE", "150.00", "QAR"));
        substantiate(twoCurrencies);
        Fee qar = fees.forCase(twoCurrencies).stream().filter(f -> f.currency().equals("QAR")).findFirst().orElseThrow();
        cases.orderRefund(INVESTIGATOR, twoCurrencies, qar.id(), "1000.00", LocalDate.now());
        cases.recordRefund(INVESTIGATOR, twoCurrencies, qar.id(), "400.00", LocalDate.now());
        approvePolicy("BN");
        cases.close(INVESTIGATOR, brunei, Outcome.WITHDRAWN,
                new CaseView.Statement(PublicReason.COMPLAINANT_WITHDREW, null, null), "Worker withdrew.");

        assertTrue(fees.forCase(brunei).get(0).prohibited(), "the new policy corrected the Brunei fee");
        assertTrue(summaries(first, second).get(2).stream().anyMatch(row -> row.contains("|BND|BN|")));
        assertEquals(recount(first, second), summaries(first, second));
        assertEquals(feeSums("report_fee_month"), feeSums("report_fee_total"), "the totals are the agencies' fees summed");
        assertEquals(agencyTotals("report_fee_month"), agencyTotals("report_fee_agency_total"),
                "the agencies' totals are their fees of every month summed");
        assertEquals(sums("SELECT CONCAT_WS('|', month, category, channel, SUM(complaints)) FROM report_complaint_month"
                        + " GROUP BY month, category, channel HAVING SUM(complaints) <> 0"),
                sums("SELECT CONCAT_WS('|', month, category, channel, SUM(complaints)) FROM report_complaint_total"
                        + " GROUP BY month, category, channel HAVING SUM(complaints) <> 0"),
                "the complaint totals are the cases of every destination and agency summed");
        assertEquals(sums("SELECT CONCAT_WS('|', due_on, SUM(cases)) FROM report_open_case GROUP BY due_on HAVING SUM(cases) <> 0"),
                sums("SELECT CONCAT_WS('|', due_on, SUM(cases)) FROM report_open_case_total GROUP BY due_on HAVING SUM(cases) <> 0"),
                "the open cases per due date are those of every category, destination and agency summed");
    }

    @Test
    void top_agencies_by_prohibited_fees_equal_a_ranking_of_every_agency_whichever_way_the_bound_ends_the_walk() {
        // A currency of this test alone. Seventy agencies with fees of three years ago only, more than the walk
        // asks before it ranks every agency for one place; the last of them also paid the most this year.
        List<Long> old = IntStream.range(0, 70).mapToObj(i -> register.agency("Ranking Old Manpower " + i).id()).toList();
        old.forEach(agency -> receive(Channel.WEB, Category.PROHIBITED_FEES, agency, "QA",
                new NewFee("RECRUITMENT_FEE", "10000", "MUR", LONG_AGO, "AGENCY", null, null, null)));
        long leader = old.get(old.size() - 1);
        receive(Channel.WEB, Category.PROHIBITED_FEES, leader, "QA", fee("RECRUITMENT_FEE", "20000", "MUR"));
        List<Long> recent = List.of("300", "200", "100").stream().map(amount -> {
            long agency = register.agency("Ranking Recent Overseas " + amount).id();
            receive(Channel.WEB, Category.PROHIBITED_FEES, agency, "QA", fee("RECRUITMENT_FEE", amount, "MUR"));
            return agency;
        }).toList();
        ReportFilter thisYear = period(YearMonth.from(PAID).minusMonths(11), YearMonth.from(PAID));
        ReportFilter longAgo = period(YearMonth.from(LONG_AGO), YearMonth.from(LONG_AGO));

        // Ended by the bound: the leader's 20,000 this year beat the 10,000 any agency not asked has of all time.
        assertEquals(List.of(leader + " 20000.00"), topMur(thisYear, 1));
        // Ended by asking every agency: the old ones have nothing this year.
        assertEquals(List.of(leader + " 20000.00", recent.get(0) + " 300.00", recent.get(1) + " 200.00"), topMur(thisYear, 3));
        // Ended by ranking every agency: seventy tie at 10,000, and the first by id is not among the most of all time.
        assertEquals(List.of(old.get(0) + " 10000.00"), topMur(longAgo, 1));
        for (ReportFilter filter : List.of(thisYear, longAgo)) {
            for (int limit : List.of(1, 2, 3, 5)) {
                assertEquals(everyAgencyRanked(filter, limit), topMur(filter, limit), filter + ", " + limit + " places");
            }
        }
    }

    @Test
    void a_change_that_rolls_back_leaves_the_summaries_as_they_were() {
        long agency = register.agency("Recount Rollback Manpower").id();
        long kept = receive(Channel.WEB, Category.PROHIBITED_FEES, agency, "QA", fee("RECRUITMENT_FEE", "700.00", "QAR"));
        List<List<String>> before = summaries(agency, agency);

        assertThrows(IllegalStateException.class, () -> tx.executeWrite(status -> {
            receive(Channel.PHONE, Category.PROHIBITED_FEES, agency, "QA", fee("RECRUITMENT_FEE", "300.00", "QAR"));
            cases.move(INVESTIGATOR, kept, ComplaintStatus.TRIAGED, "Agency named.");
            cases.addFee(SUPERVISOR, kept, fee("ADMINISTRATIVE", "90.00", "QAR"));
            throw new IllegalStateException("the change fails after the summaries were written");
        }));

        assertEquals(before, summaries(agency, agency));
        assertEquals(recount(agency, agency), summaries(agency, agency));
    }

    @Test
    void parallel_writers_to_one_summary_row_lose_no_count() throws Exception {
        long agency = register.agency("Recount Parallel Manpower").id();
        // The first writer holds its slot of the month's row until it commits; any writer on that slot waits, then adds.
        CountDownLatch written = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> tx.executeWrite(status -> {
            receive(Channel.WEB, Category.PROHIBITED_FEES, agency, "QA", fee("RECRUITMENT_FEE", "100.00", "QAR"));
            written.countDown();
            sleep(500);
            return null;
        }));
        written.await(30, TimeUnit.SECONDS);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Long>> more = new ArrayList<>();
            IntStream.range(0, 12).forEach(i -> more.add(CompletableFuture.supplyAsync(() -> receive(Channel.WEB,
                    Category.PROHIBITED_FEES, agency, "QA", fee("RECRUITMENT_FEE", "100.00", "QAR")), writers)));
            holder.get(60, TimeUnit.SECONDS);
            CompletableFuture.allOf(more.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            writers.shutdown();
        }

        assertEquals(13, sql.count("SELECT SUM(complaints) FROM report_complaint_month WHERE agency_id = ?", agency));
        assertEquals(13, sql.count("SELECT SUM(fees) FROM report_fee_month WHERE agency_id = ?", agency));
        assertEquals(recount(agency, agency), summaries(agency, agency));
    }

    /** Each summary table's rows for the two agencies, summed over their slots (zero rows left out), as text. */
    private List<List<String>> summaries(long a, long b) {
        return List.of(
                rows("SELECT CONCAT_WS('|', month, category, channel, destination_country, agency_id, SUM(complaints))"
                        + " FROM report_complaint_month WHERE agency_id IN (?, ?)"
                        + " GROUP BY month, category, channel, destination_country, agency_id HAVING SUM(complaints) <> 0", a, b),
                rows("SELECT CONCAT_WS('|', due_on, category, destination_country, agency_id, SUM(cases))"
                        + " FROM report_open_case WHERE agency_id IN (?, ?)"
                        + " GROUP BY due_on, category, destination_country, agency_id HAVING SUM(cases) <> 0", a, b),
                rows("SELECT CONCAT_WS('|', month, currency, destination_country, agency_id, proven, SUM(fees), SUM(prohibited),"
                        + " SUM(ordered), SUM(refunded)) FROM report_fee_month WHERE agency_id IN (?, ?)"
                        + " GROUP BY month, currency, destination_country, agency_id, proven"
                        + " HAVING SUM(fees) <> 0 OR SUM(prohibited) <> 0 OR SUM(ordered) <> 0 OR SUM(refunded) <> 0", a, b),
                rows("SELECT CONCAT_WS('|', month, currency, destination_country, complaint_id, fees) FROM report_fee_case"
                        + " WHERE fees <> 0 AND complaint_id IN (SELECT id FROM complaint WHERE agency_id IN (?, ?))", a, b));
    }

    /** A fee summary's sums per month, currency, destination and proven, over agencies and slots (zero rows left out). */
    private List<String> feeSums(String table) {
        return sql.list("SELECT CONCAT_WS('|', month, currency, destination_country, proven, SUM(fees), SUM(prohibited),"
                        + " SUM(ordered), SUM(refunded)) FROM " + table + " GROUP BY month, currency, destination_country, proven"
                        + " HAVING SUM(fees) <> 0 OR SUM(prohibited) <> 0 OR SUM(ordered) <> 0 OR SUM(refunded) <> 0",
                rs -> rs.getString(1)).stream().sorted().toList();
    }

    private List<String> sums(String query) {
        return sql.list(query, rs -> rs.getString(1)).stream().sorted().toList();
    }

    /** A fee summary's prohibited fees per currency and agency, over months and slots (zero rows left out). */
    private List<String> agencyTotals(String table) {
        return sql.list("SELECT CONCAT_WS('|', currency, agency_id, SUM(fees), SUM(prohibited)) FROM " + table
                        + " GROUP BY currency, agency_id HAVING SUM(fees) <> 0 OR SUM(prohibited) <> 0",
                rs -> rs.getString(1)).stream().sorted().toList();
    }

    private List<String> topMur(ReportFilter filter, int limit) {
        return aggregates.prohibitedByAgency(filter, limit).stream().filter(t -> t.currency().equals("MUR"))
                .map(t -> t.group() + " " + t.amount()).toList();
    }

    /** The ranking as it was read before V95: every agency's fees of the period summed and ordered. */
    private List<String> everyAgencyRanked(ReportFilter f, int limit) {
        return sql.list("SELECT CONCAT(agency_id, ' ', ROUND(SUM(prohibited), 2)) FROM report_fee_month"
                        + " WHERE currency = 'MUR' AND month >= ? AND month < ? AND agency_id <> 0 GROUP BY agency_id"
                        + " HAVING SUM(fees) > 0 ORDER BY SUM(prohibited) DESC, agency_id LIMIT ?",
                rs -> rs.getString(1), f.start(), f.end(), limit);
    }

    private static ReportFilter period(YearMonth from, YearMonth to) {
        return new ReportFilter(from, to, null, null, null);
    }

    /** The same, counted afresh from the cases, fees and refunds. */
    private List<List<String>> recount(long a, long b) {
        return List.of(
                rows("SELECT CONCAT_WS('|', DATE_FORMAT(received_at, '%Y-%m-01'), category, channel,"
                        + " COALESCE(destination_country, ''), agency_id, COUNT(*)) FROM complaint WHERE agency_id IN (?, ?)"
                        + " GROUP BY DATE_FORMAT(received_at, '%Y-%m-01'), category, channel, destination_country, agency_id", a, b),
                rows("SELECT CONCAT_WS('|', COALESCE(due_on, '9999-12-31'), category, COALESCE(destination_country, ''),"
                        + " agency_id, COUNT(*)) FROM complaint WHERE agency_id IN (?, ?)"
                        + " AND status IN ('RECEIVED', 'TRIAGED', 'UNDER_INVESTIGATION')"
                        + " GROUP BY due_on, category, destination_country, agency_id", a, b),
                rows("SELECT CONCAT_WS('|', DATE_FORMAT(f.paid_on, '%Y-%m-01'), f.currency, COALESCE(f.destination_country, ''),"
                        + " f.agency_id, f.proven, COUNT(*), SUM(f.prohibited_amount),"
                        + " SUM((SELECT COALESCE(SUM(o.amount), 0) FROM refund_order o WHERE o.fee_id = f.id)),"
                        + " SUM((SELECT COALESCE(SUM(r.amount), 0) FROM refund_payment r WHERE r.fee_id = f.id)))"
                        + " FROM fee_record f WHERE f.agency_id IN (?, ?) AND f.evaluation = 'PROHIBITED'"
                        + " AND f.paid_on IS NOT NULL GROUP BY DATE_FORMAT(f.paid_on, '%Y-%m-01'), f.currency,"
                        + " f.destination_country, f.agency_id, f.proven", a, b),
                rows("SELECT CONCAT_WS('|', DATE_FORMAT(paid_on, '%Y-%m-01'), currency, COALESCE(destination_country, ''),"
                        + " complaint_id, COUNT(*)) FROM fee_record WHERE proven AND evaluation = 'PROHIBITED'"
                        + " AND paid_on IS NOT NULL AND complaint_id IN (SELECT id FROM complaint WHERE agency_id IN (?, ?))"
                        + " GROUP BY DATE_FORMAT(paid_on, '%Y-%m-01'), currency, destination_country, complaint_id", a, b));
    }

    private List<String> rows(String query, long a, long b) {
        return sql.list(query, rs -> rs.getString(1), a, b).stream().sorted().toList();
    }

    private long receive(Channel channel, Category category, Long agency, String destination, NewFee... paid) {
        return intake.receive(new NewComplaint("hotline-ra", channel, category, "What happened, in the worker's words.",
                "en", agency, null, null, destination, null, null, null, List.of(paid), List.of(), null)).id();
    }

    private void substantiate(long id) {
        cases.move(INVESTIGATOR, id, ComplaintStatus.TRIAGED, "Agency named.");
        cases.move(INVESTIGATOR, id, ComplaintStatus.UNDER_INVESTIGATION, "Receipts collected.");
        Proposal proposal = outcomes.propose(INVESTIGATOR, id, new CaseView.Statement(PublicReason.AGENCY_ADMITTED, null, null),
                "Owner admitted the fee.");
        fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version());
    }

    /** Employer pays in the country from 2020: fees paid there since are evaluated again, now prohibited. */
    private void approvePolicy(String country) {
        Proposal proposal = policies.propose("admin-ra", country, new FeePolicyDecisions.PolicyInput(LocalDate.of(2020, 1, 1),
                "EMPLOYER_PAYS", List.of(), null));
        fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version());
    }

    private static NewFee fee(String type, String amount, String currency) {
        return new NewFee(type, amount, currency, PAID, "AGENCY", null, null, null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
