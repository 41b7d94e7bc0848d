package org.fairrecruit.registry.fee;

import org.fairrecruit.registry.kernel.InvalidInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Money is a BigDecimal with its ISO 4217 currency, never a float, and never more precise than the
 * currency's minor unit (2 for PHP, 0 for JPY, 3 for KWD). Amounts of different currencies are never added.
 */
public final class Money {
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getDefaultFractionDigits() >= 0).map(Currency::getCurrencyCode).collect(Collectors.toSet());
    private static final BigDecimal MAX = new BigDecimal("1000000000000000");

    private Money() {
    }

    public static Optional<String> currency(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return CURRENCIES.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    /** A positive amount of the currency, or empty when the text is not one (too precise, negative, not a number). */
    public static Optional<BigDecimal> amount(String text, String currency) {
        if (text == null || text.isBlank() || currency(currency).isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(text.strip());
            boolean fits = value.signum() > 0 && value.compareTo(MAX) < 0
                    && value.stripTrailingZeros().scale() <= minorDigits(currency);
            return fits ? Optional.of(scaled(value, currency)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Checks an amount and its currency together, naming the fields that are wrong. */
    public static void check(InvalidInput.Collector check, String amountField, String amount, String currencyField,
                      String currency) {
        check.require(currency(currency).isPresent(), currencyField, "fee.error.currency");
        if (currency(currency).isPresent()) {
            check.require(amount(amount, currency).isPresent(), amountField, "fee.error.amount", minorDigits(currency));
        }
    }

    /** Rounded to the currency's minor unit, half to even, as a computed ceiling (wage × months) is. */
    public static BigDecimal round(BigDecimal value, String currency) {
        return value.setScale(minorDigits(currency), RoundingMode.HALF_EVEN);
    }

    /** As the staff API and pages write money: a plain decimal string with the currency's minor digits. */
    public static String text(BigDecimal value, String currency) {
        return value == null ? null : scaled(value, currency).toPlainString();
    }

    private static BigDecimal scaled(BigDecimal value, String currency) {
        return value.setScale(minorDigits(currency), RoundingMode.UNNECESSARY);
    }

    private static int minorDigits(String currency) {
        return Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
    }
}
