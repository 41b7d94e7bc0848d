package org.fairrecruit.registry.fee;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * Whether a fee broke the policy in force on the day it was paid, by how much, and which policy
 * version said so. {@code reason} says why in one word (the page translates it).
 */
record Evaluation(Verdict verdict, Reason reason, BigDecimal prohibitedAmount, @Nullable Long policyId) {

    enum Verdict { PROHIBITED, ALLOWED, UNDETERMINED }

    enum Reason {
        NEVER_LEGITIMATE, EMPLOYER_PAYS, TYPE_NOT_ALLOWED, ABOVE_CEILING, WITHIN_CEILING,
        NO_POLICY, NO_PAYMENT_DATE, CEILING_OTHER_CURRENCY, NO_WAGE, WAGE_OTHER_CURRENCY
    }
}
