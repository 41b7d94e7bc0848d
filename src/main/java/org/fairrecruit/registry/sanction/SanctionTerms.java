package org.fairrecruit.registry.sanction;

import org.fairrecruit.registry.database.Column;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/** A proposed sanction's own fields, read from the proposal's action and details (form field names as keys). */
record SanctionTerms(SanctionKind kind, BigDecimal amount, String currency, String caseReference) {
    static final String KIND = "kind";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String CASE_REFERENCE = "caseReference";
    // sanction.amount is DECIMAL(14, 2).
    private static final int AMOUNT_SCALE = 2;
    private static final int AMOUNT_INTEGER_DIGITS = 12;

    /** Reads and checks the terms, refusing every unusable field at once. */
    static SanctionTerms from(String action, Map<String, String> details) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        SanctionKind kind = kind(action);
        errors.require(kind != null, KIND, "field.invalid");
        BigDecimal amount = kind == SanctionKind.FINE ? amount(details.get(AMOUNT)) : null;
        errors.require(kind != SanctionKind.FINE || amount != null, AMOUNT, "sanction.error.amount");
        String currency = kind == SanctionKind.FINE ? currency(details.get(CURRENCY)) : null;
        errors.require(kind != SanctionKind.FINE || currency != null, CURRENCY, "sanction.error.currency");
        errors.text(CASE_REFERENCE, details.get(CASE_REFERENCE), Column.CASE_REFERENCE);
        errors.throwIfAny();
        return new SanctionTerms(kind, amount, currency, details.get(CASE_REFERENCE).strip());
    }

    private static SanctionKind kind(String action) {
        try {
            return action == null ? null : SanctionKind.valueOf(action);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A positive amount with at most two decimals that fits the column. */
    private static BigDecimal amount(String value) {
        try {
            BigDecimal amount = value == null ? null : new BigDecimal(value.strip());
            return amount != null && amount.signum() > 0 && amount.scale() <= AMOUNT_SCALE
                    && amount.precision() - amount.scale() <= AMOUNT_INTEGER_DIGITS ? amount : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String currency(String value) {
        String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code)) ? code : null;
    }
}
