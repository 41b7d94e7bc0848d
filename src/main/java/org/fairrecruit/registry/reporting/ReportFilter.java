package org.fairrecruit.registry.reporting;

import io.micronaut.core.annotation.Nullable;
import org.fairrecruit.registry.complaint.Category;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a report covers: months [from, to] inclusive, and optionally one destination country, one
 * complaint category and one agency. It lives in the URL, so a filtered report can be bookmarked,
 * shared and exported as it is shown.
 */
record ReportFilter(YearMonth from, YearMonth to, @Nullable String destination, @Nullable Category category,
                    @Nullable Long agency) {
    /** Ten years at most: enough for any trend, and it bounds the size of a chart. */
    static final int MAX_MONTHS = 120;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The form's values as typed, parsed; every refused field named at once. */
    static ReportFilter parse(Map<String, String> form, YearMonth thisMonth, int defaultMonths) {
        InvalidInput.Collector check = new InvalidInput.Collector();
        YearMonth to = month(form.get("to"), thisMonth, "to", check);
        YearMonth from = month(form.get("from"), (to == null ? thisMonth : to).minusMonths(defaultMonths - 1L), "from", check);
        if (from != null && to != null) {
            check.require(!from.isAfter(to), "to", "report.error.period");
            check.require(from.plusMonths(MAX_MONTHS - 1L).compareTo(to) >= 0, "from", "report.error.tooLong", MAX_MONTHS);
        }
        String destination = blank(form.get("destination")) ? null : form.get("destination").strip().toUpperCase(Locale.ROOT);
        check.require(destination == null || COUNTRIES.contains(destination), "destination", "field.country");
        Category category = null;
        if (!blank(form.get("category"))) {
            try {
                category = Category.valueOf(form.get("category").strip());
            } catch (IllegalArgumentException e) {
                check.require(false, "category", "field.invalid");
            }
        }
        Long agency = null;
        if (!blank(form.get("agency"))) {
            String digits = form.get("agency").strip().replaceFirst("^agency-", "");
            // Agency ids start at 1; the summaries file a case of no agency under 0.
            boolean id = digits.matches("[1-9][0-9]{0,17}");
            check.require(id, "agency", "report.error.agency");
            agency = id ? Long.valueOf(digits) : null;
        }
        check.throwIfAny();
        return new ReportFilter(from, to, destination, category, agency);
    }

    /** Whether it narrows by destination, category or agency (a chart of every case reads the summaries' totals). */
    boolean narrowed() {
        return destination != null || category != null || agency != null;
    }

    LocalDate start() {
        return from.atDay(1);
    }

    /** The first day after the period. */
    LocalDate end() {
        return to.plusMonths(1).atDay(1);
    }

    /** The filter as URL query parameters, for the export links and the language links. */
    String query() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("destination", destination);
        params.put("category", category);
        params.put("agency", agency);
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static YearMonth month(String text, YearMonth otherwise, String field, InvalidInput.Collector check) {
        if (blank(text)) {
            return otherwise;
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            check.require(month.getYear() >= 2000 && month.getYear() <= 2100, field, "report.error.month");
            return month;
        } catch (DateTimeParseException e) {
            check.require(false, field, "report.error.month");
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
