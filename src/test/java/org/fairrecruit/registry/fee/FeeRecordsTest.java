package org.fairrecruit.registry.fee;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.approval.FourEyes;
import org.fairrecruit.registry.approval.Proposal;
import org.fairrecruit.registry.complaint.ComplaintCases;
import org.fairrecruit.registry.complaint.ComplaintFixtures;
import org.fairrecruit.registry.complaint.ComplaintStatus;
import org.fairrecruit.registry.complaint.OutcomeDecisions;
import org.fairrecruit.registry.complaint.PublicReason;
import org.fairrecruit.registry.complaint.Receipt;
import org.fairrecruit.registry.complaint.CaseView;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.monitoring.RiskScore;
import org.fairrecruit.registry.monitoring.RiskScores;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.fairrecruit.registry.kernel.InvalidInput;
import org.fairrecruit.registry.kernel.RegistryException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fees judged by the policy in force the day they were paid; refunds bounded; totals per agency and currency. */
@MicronautTest(transactional = false)
class FeeRecordsTest {
    private static final Authentication SUPERVISOR = Authentication.build("supervisor-f", Set.of(Roles.SUPERVISOR));
    private static final Authentication INVESTIGATOR = Authentication.build("investigator-f", Set.of(Roles.INVESTIGATOR));

    @Inject EmbeddedServer server;
    @Inject FeePolicyDecisions policies;
    @Inject FeeRecords fees;
    @Inject FourEyes fourEyes;
    @Inject ComplaintFixtures complaints;
    @Inject ComplaintCases cases;
    @Inject OutcomeDecisions outcomes;
    @Inject RegisterFixtures register;
    @Inject RiskScores risk;

    @Test
    void a_policy_changed_between_two_payment_dates_judges_each_fee_by_the_version_in_force_that_day() {
        approve("AE", new FeePolicyDecisions.PolicyInput(LocalDate.of(2024, 1, 1), "CEILING",
                List.of(new FeePolicyDecisions.CeilingInput("RECRUITMENT_FEE", "30000", "NPR", null)), null));
        Receipt receipt = complaints.phoneCase(null, "AE",
                fee("RECRUITMENT_FEE", "50000", "NPR", LocalDate.of(2024, 6, 1)),
                fee("RECRUITMENT_FEE", "50000", "NPR", LocalDate.of(2025, 3, 1)));
        List<Fee> before = fees.forCase(receipt.id());
        assertEquals(List.of("20000.00", "20000.00"), before.stream().map(Fee::prohibitedAmount).toList());

        Proposal second = policies.propose("admin-f", "AE", new FeePolicyDecisions.PolicyInput(LocalDate.of(2025, 1, 1),
                "EMPLOYER_PAYS", List.of(), "Employer-pays from 2025 (bilateral agreement)."));
        assertEquals(before, fees.forCase(receipt.id()), "a proposed version changes nothing");
        fourEyes.approve(SUPERVISOR, second.id(), second.version());

        List<Fee> after = fees.forCase(receipt.id());
        assertEquals(List.of("ABOVE_CEILING 20000.00 2024-01-01", "EMPLOYER_PAYS 50000.00 2025-01-01"), after.stream()
                .map(f -> f.evaluationReason() + " " + f.prohibitedAmount() + " " + f.policyValidFrom()).toList());
        assertTrue(after.stream().allMatch(Fee::prohibited));
    }

    @Test
    void a_recorded_fee_is_answered_and_audited_as_it_is_stored() {
        approve("KW", new FeePolicyDecisions.PolicyInput(LocalDate.of(2024, 1, 1), "CEILING",
                List.of(new FeePolicyDecisions.CeilingInput("RECRUITMENT_FEE", "30000", "NPR", null)), null));
        long id = complaints.phoneCase(null, "KW").id();
        Fee prohibited = cases.addFee(SUPERVISOR, id, fee("RECRUITMENT_FEE", "50000.5", "NPR", LocalDate.of(2024, 6, 1)));
        Fee unjudged = cases.addFee(SUPERVISOR, id, new NewFee("TRAVEL_LODGING", "12.5", "KWD", null, "a sub-agent",
                null, "om", null));

        assertEquals(fees.get(prohibited.id()), prohibited);
        assertEquals("20000.50 2024-01-01", prohibited.prohibitedAmount() + " " + prohibited.policyValidFrom());
        assertEquals(fees.get(unjudged.id()), unjudged);
        assertEquals("12.500 OM", unjudged.amount() + " " + unjudged.destinationCountry());
    }

    @Test
    void the_proposer_of_a_fee_policy_cannot_approve_it() {
        Proposal proposal = policies.propose("supervisor-f", "BH", new FeePolicyDecisions.PolicyInput(LocalDate.of(2024, 1, 1),
                "EMPLOYER_PAYS", List.of(), null));

        assertThrows(RegistryException.Forbidden.class, () -> fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version()));
        assertTrue(fees.forCase(complaints.phoneCase(null, "BH", fee("MEDICAL", "10", "BHD", LocalDate.of(2024, 5, 1)))
                .id()).stream().allMatch(f -> "NO_POLICY".equals(f.evaluationReason())));
    }

    @Test
    void refunds_are_bounded_and_totals_per_agency_keep_currencies_apart() {
        long agency = register.agency("Refund Bound Manpower").id();
        approve("OM", new FeePolicyDecisions.PolicyInput(LocalDate.of(2020, 1, 1), "EMPLOYER_PAYS", List.of(), null));
        Receipt receipt = complaints.phoneCase(agency, "OM",
                fee("RECRUITMENT_FEE", "120000", "NPR", LocalDate.of(2025, 2, 1)),
                fee("TRAVEL_LODGING", "450.500", "OMR", LocalDate.of(2025, 2, 3)));
        List<Fee> recorded = fees.forCase(receipt.id());
        long npr = recorded.get(0).id();

        assertThrows(InvalidInput.class, () -> cases.orderRefund("investigator-f", receipt.id(), npr, "120000.01",
                LocalDate.now()), "more than was prohibited");
        cases.orderRefund("investigator-f", receipt.id(), npr, "100000", LocalDate.now());
        assertThrows(InvalidInput.class, () -> cases.recordRefund("investigator-f", receipt.id(), npr, "100000.01",
                LocalDate.now()), "more than was ordered");
        cases.recordRefund("investigator-f", receipt.id(), npr, "60000", LocalDate.now());
        Fee paid = cases.recordRefund("investigator-f", receipt.id(), npr, "15000.50", LocalDate.now());

        assertEquals("100000.00", paid.refundOrdered());
        assertEquals("75000.50", paid.refunded());
        assertEquals(List.of(new FeeTotals("NPR", "120000.00", "120000.00", "100000.00", "75000.50", "24999.50"),
                new FeeTotals("OMR", "450.500", "450.500", "0.000", "0.000", "0.000")), fees.totals(agency));
        assertThrows(RegistryException.NotFound.class, () -> cases.orderRefund("investigator-f",
                complaints.phoneCase(agency, "OM").id(), npr, "1", LocalDate.now()), "a fee of another case");
    }

    @Test
    void prohibited_fees_count_publicly_and_in_the_risk_score_only_once_the_case_is_substantiated() {
        long agency = register.agency("Proven Fees Overseas").id();
        approve("SG", new FeePolicyDecisions.PolicyInput(LocalDate.of(2020, 1, 1), "EMPLOYER_PAYS", List.of(), null));
        Receipt receipt = complaints.phoneCase(agency, "SG", fee("RECRUITMENT_FEE", "3000", "SGD", LocalDate.now().minusDays(20)),
                fee("MEDICAL", "150", "SGD", LocalDate.now().minusDays(19)));
        assertEquals("[]", publicFees(agency));
        assertEquals(0, points(agency, "prohibited-fee"));

        cases.move("investigator-f", receipt.id(), ComplaintStatus.TRIAGED, "Agency named.");
        cases.move("investigator-f", receipt.id(), ComplaintStatus.UNDER_INVESTIGATION, "Receipts.");
        Proposal proposal = outcomes.propose("investigator-f", receipt.id(),
                new CaseView.Statement(PublicReason.AGENCY_ADMITTED, null, null), "Owner admitted both fees.");
        assertEquals("[]", publicFees(agency));
        fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version());

        assertEquals("[{\"currency\":\"SGD\",\"amount\":3150.00}]", publicFees(agency));
        assertEquals(16, points(agency, "prohibited-fee"), "two fees × weight 8");
        assertEquals(10, points(agency, "substantiated-complaint"));
        assertThrows(RegistryException.Forbidden.class, () -> fourEyes.approve(INVESTIGATOR, proposal.id(), proposal.version()));
    }

    private String publicFees(long agency) {
        String body = new WebClient(server.getURI()).getJson("/api/v1/public/agencies/" + agency).body();
        return body.replaceAll(".*\"prohibitedFees\":(\\[[^\\]]*\\]).*", "$1");
    }

    private long points(long agency, String signal) {
        return risk.of(agency).contributions().stream().filter(c -> c.signal().equals(signal))
                .mapToLong(RiskScore.Contribution::points).sum();
    }

    private void approve(String country, FeePolicyDecisions.PolicyInput input) {
        Proposal proposal = policies.propose("admin-f", country, input);
        fourEyes.approve(SUPERVISOR, proposal.id(), proposal.version());
    }

    private static NewFee fee(String type, String amount, String currency, LocalDate paidOn) {
        return new NewFee(type, amount, currency, paidOn, "AGENCY", null, null, null);
    }
}
