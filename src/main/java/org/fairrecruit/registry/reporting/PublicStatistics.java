package org.fairrecruit.registry.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.complaint.Category;
import org.fairrecruit.registry.licensing.LicenceStatistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the public sees: aggregates only, never a case. A count from 1 to {@code suppressBelow - 1}
 * is withheld and shown as "fewer than 5", and a fee amount from fewer cases than that is withheld
 * too, so no worker can be singled out. Fees count only once their case was found substantiated.
 */
@Singleton
class PublicStatistics {
    private final ReportAggregates aggregates;
    private final LicenceStatistics licences;
    private final ReportingRules rules;
    private final MessageSource messages;
    private final Clock clock;

    PublicStatistics(ReportAggregates aggregates, LicenceStatistics licences, ReportingRules rules,
                     MessageSource messages, Clock clock) {
        this.aggregates = aggregates;
        this.licences = licences;
        this.rules = rules;
        this.messages = messages;
        this.clock = clock;
    }

    /** A published figure: {@code count} (or {@code amount}) is null when withheld; {@code shown} is what to print. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Figure(@Nullable Long count, @Nullable String amount, String shown) {
    }

    @Serdeable
    record StatusCount(String status, Figure licences) {
    }

    @Serdeable
    record MonthCategory(String month, String category, Figure complaints) {
    }

    @Serdeable
    record DestinationFee(String destination, String currency, Figure cases, Figure prohibited) {
    }

    @Serdeable
    record Statistics(String from, String to, int suppressedBelow, List<StatusCount> licencesByStatus,
                      List<MonthCategory> complaintsPerMonth, List<DestinationFee> prohibitedFeesByDestination) {
    }

    /** The last {@code defaultMonths} months, ending with this one. */
    ReportFilter period() {
        YearMonth now = YearMonth.now(clock);
        return new ReportFilter(now.minusMonths(rules.defaultMonths() - 1L), now, null, null, null);
    }

    /** The period as the page names it, e.g. "Jul 2030" and "Jun 2031". */
    List<String> period(Locale locale) {
        ReportTexts texts = new ReportTexts(messages, locale);
        return List.of(texts.month(period().from()), texts.month(period().to()));
    }

    @Transactional(readOnly = true)
    Statistics statistics(Locale locale) {
        ReportTexts texts = new ReportTexts(messages, locale);
        ReportFilter period = period();
        List<StatusCount> byStatus = licences.byStatus(null).entrySet().stream()
                .map(e -> new StatusCount(e.getKey().name(), count(texts, e.getValue()))).toList();
        Map<String, Long> perMonth = new LinkedHashMap<>();
        for (YearMonth m = period.from(); !m.isAfter(period.to()); m = m.plusMonths(1)) {
            for (Category c : Category.values()) {
                perMonth.put(m + " " + c, 0L);
            }
        }
        aggregates.complaintsPerMonth(period)
                .forEach(c -> perMonth.merge(c.month() + " " + c.category(), c.count(), Long::sum));
        List<MonthCategory> months = perMonth.entrySet().stream().map(e -> {
            String[] key = e.getKey().split(" ");
            return new MonthCategory(key[0], key[1], count(texts, e.getValue()));
        }).toList();
        List<DestinationFee> feeTotals = aggregates.provenByDestination(period).stream().map(t -> {
                boolean shown = t.cases() >= rules.suppressBelow();
                return new DestinationFee(t.destination(), t.currency(), count(texts, t.cases()), shown
                        ? new Figure(null, t.amount().toPlainString(), texts.money(t.amount(), t.currency()))
                        : new Figure(null, null, texts.get("statistics.withheld", rules.suppressBelow())));
            }).toList();
        return new Statistics(period.from().toString(), period.to().toString(), rules.suppressBelow(), byStatus, months,
                feeTotals);
    }

    /** The same figures as charts with their tables, for the page. */
    List<Chart> charts(Statistics statistics, Locale locale) {
        ReportTexts texts = new ReportTexts(messages, locale);
        List<Chart.Row> statusRows = statistics.licencesByStatus().stream().map(s -> new Chart.Row(
                texts.get("licence.status." + s.status()), List.of(cell(s.licences())))).toList();
        Map<String, List<Chart.Cell>> monthRows = new LinkedHashMap<>();
        statistics.complaintsPerMonth().forEach(m -> monthRows.computeIfAbsent(m.month(), k -> new ArrayList<>())
                .add(cell(m.complaints())));
        List<Chart.Row> complaintRows = monthRows.entrySet().stream()
                .map(e -> new Chart.Row(texts.month(YearMonth.parse(e.getKey())), e.getValue())).toList();
        List<Chart> charts = new ArrayList<>(List.of(
                new Chart("public-licences", texts.get("report.chart.licencesByStatus"), texts.get("report.axis.count"),
                        texts.get("report.axis.status"), List.of(texts.get("report.axis.count")), statusRows,
                        texts.summary(statusRows, v -> texts.count(v.longValue()))),
                new Chart("public-complaints", texts.get("report.chart.complaints-by-category"),
                        texts.get("report.axis.complaints"), texts.get("report.axis.month"),
                        Arrays.stream(Category.values()).map(c -> texts.get("complaint.category." + c)).toList(),
                        complaintRows, texts.summary(complaintRows, v -> texts.count(v.longValue())))));
        statistics.prohibitedFeesByDestination().stream().map(DestinationFee::currency).distinct().forEach(currency -> {
            List<Chart.Row> rows = statistics.prohibitedFeesByDestination().stream().filter(f -> f.currency().equals(currency))
                    .map(f -> new Chart.Row(f.destination().isEmpty() ? texts.get("report.unknown") : f.destination(),
                            List.of(f.prohibited().amount() == null ? new Chart.Cell(null, f.prohibited().shown())
                                    : new Chart.Cell(new BigDecimal(f.prohibited().amount()), f.prohibited().shown()))))
                    .toList();
            charts.add(new Chart("public-fees-" + currency, texts.get("report.chart.feesByDestination", currency),
                    texts.get("report.axis.amount", currency), texts.get("report.axis.destination"),
                    List.of(texts.get("report.axis.amount", currency)), rows, texts.summary(rows, v -> texts.money(v, currency))));
        });
        return charts;
    }

    /** Zero is published as zero: it singles no one out. */
    private Figure count(ReportTexts texts, long value) {
        return value == 0 || value >= rules.suppressBelow() ? new Figure(value, null, texts.count(value))
                : new Figure(null, null, texts.get("statistics.fewerThan", rules.suppressBelow()));
    }

    private static Chart.Cell cell(Figure figure) {
        return new Chart.Cell(figure.count() == null ? null : BigDecimal.valueOf(figure.count()), figure.shown());
    }
}
