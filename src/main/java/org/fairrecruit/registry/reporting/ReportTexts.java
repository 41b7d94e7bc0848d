package org.fairrecruit.registry.reporting;

import io.micronaut.context.MessageSource;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Messages, numbers and months in the reader's language, and the summary every chart carries. */
final class ReportTexts {
    private final MessageSource messages;
    private final Locale locale;
    private final Locale numbers;
    private final DateTimeFormatter months;

    ReportTexts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        // Latin digits in every language, as in the months, the CSV and the API (Nepali would default to Devanagari).
        this.numbers = new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("nu", "latn").build();
        this.months = DateTimeFormatter.ofPattern("MMM yyyy", locale);
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, locale, args).orElse(key);
    }

    String month(YearMonth month) {
        return months.format(month);
    }

    String count(long value) {
        return NumberFormat.getIntegerInstance(numbers).format(value);
    }

    String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(numbers);
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount) + " " + currency;
    }

    /** "12 in total; the largest is March 2031 (7)." from the bars as drawn; withheld cells are not counted. */
    String summary(List<Chart.Row> rows, Function<BigDecimal, String> format) {
        if (rows.isEmpty()) {
            return get("report.summary.empty");
        }
        BigDecimal total = rows.stream().map(Chart.Row::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        Chart.Row largest = rows.stream().reduce((a, b) -> b.total().compareTo(a.total()) > 0 ? b : a).orElseThrow();
        boolean withheld = rows.stream().flatMap(r -> r.cells().stream()).anyMatch(Chart.Cell::withheld);
        if (total.signum() == 0) {
            return get(withheld ? "report.summary.onlyWithheld" : "report.summary.empty");
        }
        return get(withheld ? "report.summary.withheld" : "report.summary.total", format.apply(total), largest.label(),
                format.apply(largest.total()));
    }
}
