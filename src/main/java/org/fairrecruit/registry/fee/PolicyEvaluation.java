package org.fairrecruit.registry.fee;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The fee rule, in one place. Illegitimate kinds (bribes, bonds, deposits) are prohibited whatever
 * the policy says; otherwise the destination's policy in force on the payment day decides. A
 * ceiling in another currency than the fee, or in months of a wage that is unknown or paid in
 * another currency, cannot decide without an exchange rate: the fee stays UNDETERMINED.
 */
final class PolicyEvaluation {
    private PolicyEvaluation() {
    }

    static Evaluation evaluate(FeeClass feeClass, String feeType, BigDecimal amount, String currency,
                               Optional<FeePolicy> policy, boolean paidOnKnown, @Nullable BigDecimal monthlyWage,
                               @Nullable String wageCurrency) {
        Long policyId = policy.map(FeePolicy::id).orElse(null);
        if (feeClass == FeeClass.ILLEGITIMATE) {
            return prohibited(Evaluation.Reason.NEVER_LEGITIMATE, amount, policyId);
        }
        if (!paidOnKnown) {
            return undetermined(Evaluation.Reason.NO_PAYMENT_DATE, currency, null);
        }
        if (policy.isEmpty()) {
            return undetermined(Evaluation.Reason.NO_POLICY, currency, null);
        }
        if (policy.get().rule() == FeePolicy.Rule.EMPLOYER_PAYS) {
            return prohibited(Evaluation.Reason.EMPLOYER_PAYS, amount, policyId);
        }
        Optional<FeePolicy.Ceiling> ceiling = policy.get().ceilingFor(feeType);
        if (ceiling.isEmpty()) {
            return prohibited(Evaluation.Reason.TYPE_NOT_ALLOWED, amount, policyId);
        }
        FeePolicy.Ceiling c = ceiling.get();
        BigDecimal limit;
        if (c.maxAmount() != null) {
            if (!currency.equals(c.currency())) {
                return undetermined(Evaluation.Reason.CEILING_OTHER_CURRENCY, currency, policyId);
            }
            limit = c.maxAmount();
        } else {
            if (monthlyWage == null) {
                return undetermined(Evaluation.Reason.NO_WAGE, currency, policyId);
            }
            if (!currency.equals(wageCurrency)) {
                return undetermined(Evaluation.Reason.WAGE_OTHER_CURRENCY, currency, policyId);
            }
            limit = Money.round(monthlyWage.multiply(c.maxMonthsOfWage()), currency);
        }
        BigDecimal excess = amount.subtract(limit);
        return excess.signum() > 0
                ? new Evaluation(Evaluation.Verdict.PROHIBITED, Evaluation.Reason.ABOVE_CEILING, Money.round(excess, currency), policyId)
                : new Evaluation(Evaluation.Verdict.ALLOWED, Evaluation.Reason.WITHIN_CEILING, Money.round(BigDecimal.ZERO, currency), policyId);
    }

    private static Evaluation prohibited(Evaluation.Reason reason, BigDecimal amount, Long policyId) {
        return new Evaluation(Evaluation.Verdict.PROHIBITED, reason, amount, policyId);
    }

    private static Evaluation undetermined(Evaluation.Reason reason, String currency, Long policyId) {
        return new Evaluation(Evaluation.Verdict.UNDETERMINED, reason, Money.round(BigDecimal.ZERO, currency), policyId);
    }
}
