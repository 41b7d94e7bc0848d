package org.fairrecruit.registry.fee;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fee rule: employer pays, each ceiling kind, never-legitimate kinds, currencies never compared, money rounded. */
class PolicyEvaluationTest {
    private static final FeePolicy EMPLOYER_PAYS = new FeePolicy(1, "MY", LocalDate.of(2024, 1, 1),
            FeePolicy.Rule.EMPLOYER_PAYS, List.of(), 10, "admin", "supervisor");
    private static final FeePolicy CEILINGS = new FeePolicy(2, "QA", LocalDate.of(2024, 1, 1), FeePolicy.Rule.CEILING,
            List.of(new FeePolicy.Ceiling("RECRUITMENT_FEE", null, null, new BigDecimal("1.5")),
                    new FeePolicy.Ceiling("MEDICAL", new BigDecimal("8000.00"), "NPR", null)), 11, "admin", "supervisor");

    @Test
    void under_employer_pays_every_fee_charged_to_the_worker_is_prohibited_in_full() {
        Evaluation e = evaluate(FeeClass.RELATED_COST, "MEDICAL", "4500.00", "NPR", EMPLOYER_PAYS, null, null);

        assertEquals(Evaluation.Verdict.PROHIBITED, e.verdict());
        assertEquals(Evaluation.Reason.EMPLOYER_PAYS, e.reason());
        assertEquals(new BigDecimal("4500.00"), e.prohibitedAmount());
        assertEquals(1L, e.policyId());
    }

    @Test
    void an_amount_ceiling_prohibits_only_what_exceeds_it() {
        Evaluation above = evaluate(FeeClass.RELATED_COST, "MEDICAL", "10000.50", "NPR", CEILINGS, null, null);
        Evaluation within = evaluate(FeeClass.RELATED_COST, "MEDICAL", "8000.00", "NPR", CEILINGS, null, null);

        assertEquals(Evaluation.Reason.ABOVE_CEILING, above.reason());
        assertEquals(new BigDecimal("2000.50"), above.prohibitedAmount());
        assertEquals(Evaluation.Verdict.ALLOWED, within.verdict());
        assertEquals(0, within.prohibitedAmount().signum());
    }

    @Test
    void a_ceiling_in_months_of_wage_is_rounded_to_the_currency_minor_unit() {
        // 1.5 × 333.33 = 499.995, rounded half to even: 500.00; a fee of 500.01 breaks it by one cent.
        Evaluation e = evaluate(FeeClass.RECRUITMENT_FEE, "RECRUITMENT_FEE", "500.01", "QAR", CEILINGS,
                new BigDecimal("333.33"), "QAR");
        Evaluation yen = evaluate(FeeClass.RECRUITMENT_FEE, "RECRUITMENT_FEE", "200000", "JPY", CEILINGS,
                new BigDecimal("133333"), "JPY");

        assertEquals(new BigDecimal("0.01"), e.prohibitedAmount());
        assertEquals(Evaluation.Verdict.ALLOWED, yen.verdict(), "1.5 × 133333 = 199999.5 → 200000 yen, no minor unit");
        assertEquals(new BigDecimal("500.00"), Money.round(new BigDecimal("499.995"), "QAR"));
    }

    @Test
    void a_fee_type_without_a_ceiling_is_prohibited_under_a_ceiling_policy() {
        Evaluation e = evaluate(FeeClass.RELATED_COST, "TRAINING", "3000", "NPR", CEILINGS, null, null);

        assertEquals(Evaluation.Reason.TYPE_NOT_ALLOWED, e.reason());
        assertEquals(new BigDecimal("3000.00"), e.prohibitedAmount());
    }

    @Test
    void bribes_and_deposits_are_prohibited_whatever_the_policy_and_even_without_one() {
        Evaluation noPolicy = PolicyEvaluation.evaluate(FeeClass.ILLEGITIMATE, "BRIBE", new BigDecimal("50.00"), "USD",
                Optional.empty(), false, null, null);

        assertEquals(Evaluation.Reason.NEVER_LEGITIMATE, noPolicy.reason());
        assertEquals(new BigDecimal("50.00"), noPolicy.prohibitedAmount());
    }

    @Test
    void currencies_are_never_compared_without_a_rate_so_such_fees_stay_undetermined() {
        Evaluation otherCurrency = evaluate(FeeClass.RELATED_COST, "MEDICAL", "100.00", "USD", CEILINGS, null, null);
        Evaluation otherWage = evaluate(FeeClass.RECRUITMENT_FEE, "RECRUITMENT_FEE", "900.00", "USD", CEILINGS,
                new BigDecimal("1000.00"), "QAR");
        Evaluation noWage = evaluate(FeeClass.RECRUITMENT_FEE, "RECRUITMENT_FEE", "900.00", "QAR", CEILINGS, null, null);

        assertEquals(Evaluation.Reason.CEILING_OTHER_CURRENCY, otherCurrency.reason());
        assertEquals(Evaluation.Reason.WAGE_OTHER_CURRENCY, otherWage.reason());
        assertEquals(Evaluation.Reason.NO_WAGE, noWage.reason());
        assertTrue(List.of(otherCurrency, otherWage, noWage).stream()
                .allMatch(e -> e.verdict() == Evaluation.Verdict.UNDETERMINED && e.prohibitedAmount().signum() == 0));
    }

    @Test
    void without_a_policy_or_a_payment_date_a_fee_is_undetermined() {
        assertEquals(Evaluation.Reason.NO_POLICY, PolicyEvaluation.evaluate(FeeClass.RECRUITMENT_FEE, "RECRUITMENT_FEE",
                new BigDecimal("1.00"), "USD", Optional.empty(), true, null, null).reason());
        assertEquals(Evaluation.Reason.NO_PAYMENT_DATE, PolicyEvaluation.evaluate(FeeClass.RECRUITMENT_FEE,
                "RECRUITMENT_FEE", new BigDecimal("1.00"), "USD", Optional.of(EMPLOYER_PAYS), false, null, null).reason());
    }

    @Test
    void money_is_refused_when_more_precise_than_its_currency_or_not_positive() {
        assertEquals(Optional.of(new BigDecimal("10.50")), Money.amount("10.5", "USD"));
        assertEquals(Optional.of(new BigDecimal("1.234")), Money.amount("1.234", "KWD"));
        assertTrue(Money.amount("10.555", "USD").isEmpty());
        assertTrue(Money.amount("1000.5", "JPY").isEmpty());
        assertTrue(Money.amount("0", "USD").isEmpty());
        assertTrue(Money.amount("-5", "USD").isEmpty());
        assertTrue(Money.amount("1e400", "USD").isEmpty());
        assertTrue(Money.amount("12,50", "EUR").isEmpty());
        assertTrue(Money.currency("XYZ").isEmpty());
        assertEquals(Optional.of("NPR"), Money.currency(" npr "));
    }

    private static Evaluation evaluate(FeeClass feeClass, String type, String amount, String currency, FeePolicy policy,
                                       BigDecimal wage, String wageCurrency) {
        return PolicyEvaluation.evaluate(feeClass, type, Money.amount(amount, currency).orElseThrow(), currency,
                Optional.of(policy), true, wage, wageCurrency);
    }
}
