package org.fairrecruit.registry.reporting;

import org.fairrecruit.registry.kernel.PublicId;
import io.micronaut.context.MessageSource;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.agency.AgencyRegister;
import org.fairrecruit.registry.complaint.Category;
import org.fairrecruit.registry.complaint.Channel;
import org.fairrecruit.registry.licensing.LicenceStatistics;
import org.fairrecruit.registry.licensing.LicenceStatus;
import org.fairrecruit.registry.monitoring.RiskScore;
import org.fairrecruit.registry.monitoring.RiskScores;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The back-office dashboard: every chart of issue 18 built from the owning capabilities' statistics
 * queries, for one {@link ReportFilter}. Money charts are one per currency, so no axis ever mixes two.
 * The owners' statistics are independent reads, each in its own read-only transaction: they are asked
 * at once, so the page waits for the slowest of them rather than for their sum.
 */
@Singleton
class Reports {
    private final ReportAggregates aggregates;
    private final LicenceStatistics licences;
    private final RiskScores risk;
    private final AgencyRegister agencies;
    private final ScreeningVolumes screening;
    private final ReportingRules rules;
    private final MessageSource messages;
    private final Clock clock;
    private final ExecutorService executor;

    Reports(ReportAggregates aggregates, LicenceStatistics licences, RiskScores risk,
            AgencyRegister agencies, ScreeningVolumes screening, ReportingRules rules,
            MessageSource messages, Clock clock, @Named(TaskExecutors.IO) ExecutorService executor) {
        this.aggregates = aggregates;
        this.licences = licences;
        this.risk = risk;
        this.agencies = agencies;
        this.screening = screening;
        this.rules = rules;
        this.messages = messages;
        this.clock = clock;
        this.executor = executor;
    }

    ReportFilter filter(Map<String, String> form) {
        return ReportFilter.parse(form, YearMonth.now(clock), rules.defaultMonths());
    }

    String monthName(YearMonth month, Locale locale) {
        return new ReportTexts(messages, locale).month(month);
    }

    List<Chart> dashboard(ReportFilter filter, Locale locale) {
        ReportTexts texts = new ReportTexts(messages, locale);
        LocalDate today = LocalDate.now(clock);
        List<CompletableFuture<List<Chart>>> parts = List.of(
                async(() -> complaintsAndFees(texts, filter)),
                async(() -> List.of(licencesByStatus(texts, filter), licenceChanges(texts, filter))),
                async(() -> List.of(ageing(texts, filter, today))),
                async(() -> List.of(expiring(texts, filter, today))),
                async(() -> List.of(highestRisk(texts))));
        try {
            return parts.stream().flatMap(part -> part.join().stream()).toList();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    private CompletableFuture<List<Chart>> async(Supplier<List<Chart>> charts) {
        return CompletableFuture.supplyAsync(charts, executor);
    }

    private List<Chart> complaintsAndFees(ReportTexts texts, ReportFilter filter) {
        List<ReportAggregates.MonthCount> perMonth = aggregates.complaintsPerMonth(filter);
        List<Chart> charts = new ArrayList<>();
        charts.add(perMonth(texts, "complaints-by-category", filter, Category.values(), "complaint.category.",
                perMonth, ReportAggregates.MonthCount::category));
        charts.add(perMonth(texts, "complaints-by-channel", filter, Channel.values(), "complaint.channel.",
                perMonth, ReportAggregates.MonthCount::channel));
        charts.add(intake(texts, filter, perMonth));
        Map<String, List<ReportAggregates.Total>> byDestination = byCurrency(aggregates.prohibitedByDestination(filter));
        byDestination.forEach((currency, totals) -> charts.add(money(texts, "fees-by-destination-" + currency,
                texts.get("report.chart.feesByDestination", currency), texts.get("report.axis.destination"), currency,
                totals.stream().map(t -> Map.entry(t.group().isEmpty() ? texts.get("report.unknown") : t.group(), t.amount())).toList())));
        Map<String, List<ReportAggregates.Total>> byAgency = byCurrency(aggregates.prohibitedByAgency(filter,
                rules.topAgencies()));
        Map<Long, String> names = agencies.legalNames(byAgency.values().stream().flatMap(List::stream)
                .map(t -> Long.valueOf(t.group())).collect(Collectors.toSet()));
        byAgency.forEach((currency, totals) -> charts.add(money(texts, "fees-by-agency-" + currency,
                texts.get("report.chart.feesByAgency", currency), texts.get("report.axis.agency"), currency,
                totals.stream().map(t -> Map.entry(names.getOrDefault(Long.valueOf(t.group()), PublicId.AGENCY.of(Long.parseLong(t.group()))), t.amount())).toList())));
        aggregates.refunds(filter).forEach(r -> charts.add(money(texts,
                "refunds-" + r.currency(), texts.get("report.chart.refunds", r.currency()), texts.get("report.axis.stage"),
                r.currency(), List.of(Map.entry(texts.get("report.refund.prohibited"), r.prohibited()),
                        Map.entry(texts.get("report.refund.ordered"), r.ordered()),
                        Map.entry(texts.get("report.refund.refunded"), r.refunded())))));
        return charts;
    }

    private Chart licencesByStatus(ReportTexts texts, ReportFilter filter) {
        return counts(texts, "licences-by-status", texts.get("report.chart.licencesByStatus"),
                texts.get("report.axis.status"), licences.byStatus(filter.agency()).entrySet().stream()
                        .map(e -> Map.entry(texts.get("licence.status." + e.getKey()), e.getValue())).toList());
    }

    private Chart expiring(ReportTexts texts, ReportFilter filter, LocalDate today) {
        return counts(texts, "licences-expiring", texts.get("report.chart.expiring", rules.expiryHorizonDays()),
                texts.get("report.axis.month"), licences.expiringPerMonth(today, rules.expiryHorizonDays(), filter.agency())
                        .stream().map(m -> Map.entry(texts.month(m.month()), m.count())).toList());
    }

    private Chart ageing(ReportTexts texts, ReportFilter filter, LocalDate today) {
        return counts(texts, "case-ageing", texts.get("report.chart.ageing"), texts.get("report.axis.dueDate"),
                aggregates.openCasesByAgeing(today, filter).entrySet()
                        .stream().map(e -> Map.entry(texts.get("report.ageing." + e.getKey()), e.getValue())).toList());
    }

    private <E extends Enum<E>> Chart perMonth(ReportTexts texts, String id, ReportFilter filter, E[] series, String prefix,
                                               List<ReportAggregates.MonthCount> counts,
                                               Function<ReportAggregates.MonthCount, E> by) {
        Map<YearMonth, long[]> table = months(filter, series.length);
        counts.forEach(c -> table.get(c.month())[by.apply(c).ordinal()] += c.count());
        List<Chart.Row> rows = monthRows(texts, table);
        return new Chart(id, texts.get("report.chart." + id), texts.get("report.axis.complaints"),
                texts.get("report.axis.month"), Arrays.stream(series).map(s -> texts.get(prefix + s.name())).toList(),
                rows, texts.summary(rows, v -> texts.count(v.longValue())));
    }

    /** Intake: complaints through the web form, and names screened (from the screening capability). */
    private Chart intake(ReportTexts texts, ReportFilter filter, List<ReportAggregates.MonthCount> counts) {
        Map<YearMonth, Map<String, Long>> screened = screening.perMonth(filter.start(), filter.end());
        List<String> kinds = screened.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        Map<YearMonth, long[]> table = months(filter, 1 + kinds.size());
        counts.stream().filter(c -> c.channel() == Channel.WEB).forEach(c -> table.get(c.month())[0] += c.count());
        screened.forEach((month, byKind) -> {
            if (table.containsKey(month)) {
                byKind.forEach((kind, n) -> table.get(month)[1 + kinds.indexOf(kind)] += n);
            }
        });
        List<String> series = new ArrayList<>(List.of(texts.get("report.series.webIntake")));
        kinds.forEach(kind -> series.add(texts.get("report.series.screened", kind)));
        List<Chart.Row> rows = monthRows(texts, table);
        String summary = texts.summary(rows, v -> texts.count(v.longValue()));
        return new Chart("intake", texts.get("report.chart.intake"), texts.get("report.axis.volume"),
                texts.get("report.axis.month"), series, rows, summary);
    }

    private Chart licenceChanges(ReportTexts texts, ReportFilter filter) {
        LicenceStatus[] statuses = LicenceStatus.values();
        Map<YearMonth, long[]> table = months(filter, statuses.length);
        licences.changesPerMonth(filter.start(), filter.end(), filter.agency())
                .forEach(c -> table.get(c.month())[c.status().ordinal()] += c.count());
        List<Chart.Row> rows = monthRows(texts, table);
        return new Chart("licence-changes", texts.get("report.chart.licence-changes"), texts.get("report.axis.licences"),
                texts.get("report.axis.month"), Arrays.stream(statuses).map(s -> texts.get("licence.status." + s)).toList(),
                rows, texts.summary(rows, v -> texts.count(v.longValue())));
    }

    private Chart highestRisk(ReportTexts texts) {
        List<RiskScore> highest = risk.highest(rules.topAgencies());
        Map<Long, String> names = agencies.legalNames(highest.stream().map(RiskScore::agencyId).toList());
        return counts(texts, "highest-risk", texts.get("report.chart.highestRisk"), texts.get("report.axis.agency"),
                highest.stream().map(s -> Map.entry(names.getOrDefault(s.agencyId(), PublicId.AGENCY.of(s.agencyId())), s.total()))
                        .toList(), texts.get("report.axis.score"));
    }

    private static Chart counts(ReportTexts texts, String id, String title, String yAxis, List<Map.Entry<String, Long>> data) {
        return counts(texts, id, title, yAxis, data, texts.get("report.axis.count"));
    }

    private static Chart counts(ReportTexts texts, String id, String title, String yAxis, List<Map.Entry<String, Long>> data,
                                String xAxis) {
        List<Chart.Row> rows = data.stream().map(e -> new Chart.Row(e.getKey(), List.of(countCell(texts, e.getValue()))))
                .toList();
        return new Chart(id, title, xAxis, yAxis, List.of(xAxis), rows, texts.summary(rows, v -> texts.count(v.longValue())));
    }

    private static Chart money(ReportTexts texts, String id, String title, String yAxis, String currency,
                               List<Map.Entry<String, BigDecimal>> data) {
        List<Chart.Row> rows = data.stream().map(e -> new Chart.Row(e.getKey(),
                List.of(new Chart.Cell(e.getValue(), texts.money(e.getValue(), currency))))).toList();
        String xAxis = texts.get("report.axis.amount", currency);
        return new Chart(id, title, xAxis, yAxis, List.of(xAxis), rows, texts.summary(rows, v -> texts.money(v, currency)));
    }

    private static List<Chart.Row> monthRows(ReportTexts texts, Map<YearMonth, long[]> table) {
        return table.entrySet().stream().map(e -> new Chart.Row(texts.month(e.getKey()),
                Arrays.stream(e.getValue()).mapToObj(v -> countCell(texts, v)).toList())).toList();
    }

    private static Chart.Cell countCell(ReportTexts texts, long value) {
        return new Chart.Cell(BigDecimal.valueOf(value), texts.count(value));
    }

    private static Map<YearMonth, long[]> months(ReportFilter filter, int series) {
        Map<YearMonth, long[]> table = new LinkedHashMap<>();
        for (YearMonth m = filter.from(); !m.isAfter(filter.to()); m = m.plusMonths(1)) {
            table.put(m, new long[series]);
        }
        return table;
    }

    private static Map<String, List<ReportAggregates.Total>> byCurrency(List<ReportAggregates.Total> totals) {
        return totals.stream().collect(Collectors.groupingBy(ReportAggregates.Total::currency, LinkedHashMap::new,
                Collectors.toList()));
    }
}
