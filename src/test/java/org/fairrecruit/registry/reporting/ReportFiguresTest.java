package org.fairrecruit.registry.reporting;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every chart's numbers against the figures worked out by hand from {@link ReportFixtures}. */
@MicronautTest(transactional = false, environments = TestClock.ENV)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFiguresTest {
    @Inject ReportFixtures fixtures;
    @Inject Reports reports;
    @Inject PublicStatistics statistics;

    @BeforeAll
    void data() {
        fixtures.build();
    }

    @Test
    void complaints_per_month_count_each_case_once_by_category_and_by_channel() {
        Map<String, Chart> charts = dashboard(Map.of("from", "2031-03", "to", "2031-06"));

        // categories: PROHIBITED_FEES, CONTRACT_SUBSTITUTION, DOCUMENT_RETENTION, DECEPTION, ILLEGAL_RECRUITMENT, ABUSE, OTHER
        assertEquals(List.of("Mar 2031 | 0 0 0 0 0 0 0", "Apr 2031 | 0 0 0 0 0 0 1", "May 2031 | 6 0 0 2 0 0 0",
                "Jun 2031 | 0 0 0 0 0 1 0"), table(charts.get("complaints-by-category")));
        // channels: WEB, PHONE, WALK_IN, EMAIL, REFERRAL
        assertEquals(List.of("Mar 2031 | 0 0 0 0 0", "Apr 2031 | 0 0 0 1 0", "May 2031 | 6 2 0 0 0",
                "Jun 2031 | 0 1 0 0 0"), table(charts.get("complaints-by-channel")));
        assertEquals(List.of("Mar 2031 | 0", "Apr 2031 | 0", "May 2031 | 6", "Jun 2031 | 0"), table(charts.get("intake")));
        assertEquals("10 in total. Largest: May 2031 (8).", charts.get("complaints-by-category").summary());
    }

    @Test
    void prohibited_fees_are_charted_per_currency_and_never_added_across_currencies() {
        Map<String, Chart> charts = dashboard(Map.of("from", "2031-03", "to", "2031-06"));

        assertEquals(List.of("JO | 600.000"), table(charts.get("fees-by-destination-JOD")));
        assertEquals(List.of("KW | 603.000"), table(charts.get("fees-by-destination-KWD")));
        assertEquals(List.of("KW | 20000.00"), table(charts.get("fees-by-destination-NPR")));
        assertEquals(List.of("Beta Reports Overseas | 600.000"), table(charts.get("fees-by-agency-JOD")));
        assertEquals(List.of("Alpha Reports Manpower | 603.000"), table(charts.get("fees-by-agency-KWD")));
        assertEquals(List.of("Alpha Reports Manpower | 20000.00"), table(charts.get("fees-by-agency-NPR")));
        assertEquals(List.of("Prohibited fees paid | 603.000", "Refunds ordered | 100.500", "Refunds paid back | 50.250"),
                table(charts.get("refunds-KWD")));
        assertEquals(List.of("Prohibited fees paid | 20000.00", "Refunds ordered | 0.00", "Refunds paid back | 0.00"),
                table(charts.get("refunds-NPR")));
        assertEquals("Amount (KWD)", charts.get("fees-by-destination-KWD").xAxis());
        assertTrue(charts.keySet().stream().noneMatch(id -> id.startsWith("fees") && !id.matches(".*-(JOD|KWD|NPR)")));
    }

    @Test
    void filters_narrow_every_chart_they_apply_to() {
        Map<String, Chart> kuwait = dashboard(Map.of("from", "2031-04", "to", "2031-05", "destination", "kw"));
        Map<String, Chart> beta = dashboard(Map.of("from", "2031-03", "to", "2031-06", "agency", "agency-" + fixtures.beta));
        Map<String, Chart> deception = dashboard(Map.of("from", "2031-05", "to", "2031-05", "category", "DECEPTION"));

        assertEquals(List.of("Apr 2031 | 0 0 0 0 0 0 0", "May 2031 | 6 0 0 0 0 0 0"), table(kuwait.get("complaints-by-category")));
        assertEquals(List.of("KW | 603.000"), table(kuwait.get("fees-by-destination-KWD")));
        assertTrue(!kuwait.containsKey("fees-by-destination-JOD"));
        assertEquals(List.of("JO | 600.000"), table(beta.get("fees-by-destination-JOD")));
        assertEquals(List.of("fees-by-destination-JOD", "fees-by-agency-JOD", "refunds-JOD"), beta.keySet().stream()
                .filter(id -> id.startsWith("fees") || id.startsWith("refunds")).toList());
        assertEquals(List.of("May 2031 | 0 2 0 0 0"), table(deception.get("complaints-by-channel")));
        assertEquals("1", cell(beta.get("licences-by-status"), "Active"));
        assertEquals("1", cell(beta.get("licence-changes"), "May 2031", "Active"));
    }

    @Test
    void licences_open_cases_and_risk_are_counted_as_they_stand_on_the_day() {
        Map<String, Chart> charts = dashboard(Map.of("from", "2031-03", "to", "2031-06"));

        assertEquals(List.of("Application pending | 0", "Active | 2", "Suspended | 0", "Revoked | 0", "Expired | 0",
                "Given up | 0", "Refused | 0"), table(charts.get("licences-by-status")));
        assertEquals(List.of("Overdue by more than 30 days | 1", "Overdue by up to 30 days | 2", "Due within 7 days | 1",
                "Due later | 1", "No due date | 0"), table(charts.get("case-ageing")));
        // 5 substantiated cases x weight 10, and 6 proven prohibited fees x weight 8
        assertEquals(List.of("Alpha Reports Manpower | 98"), table(charts.get("highest-risk")));
        assertEquals("2", cell(charts.get("licence-changes"), "May 2031", "Active"));
    }

    @Test
    void public_counts_below_five_are_shown_only_as_fewer_than_five() {
        PublicStatistics.Statistics figures = statistics.statistics(Locale.ENGLISH);

        assertEquals("2030-07", figures.from());
        assertEquals("2031-06", figures.to());
        Map<String, String> licences = figures.licencesByStatus().stream()
                .collect(Collectors.toMap(PublicStatistics.StatusCount::status, s -> s.licences().shown()));
        assertEquals("fewer than 5", licences.get("ACTIVE"));
        assertEquals("0", licences.get("REVOKED"));
        assertEquals(null, figures.licencesByStatus().stream().filter(s -> s.status().equals("ACTIVE")).findFirst()
                .orElseThrow().licences().count(), "the API withholds the number itself");
        Map<String, PublicStatistics.Figure> complaints = figures.complaintsPerMonth().stream()
                .collect(Collectors.toMap(m -> m.month() + " " + m.category(), PublicStatistics.MonthCategory::complaints));
        assertEquals(6L, complaints.get("2031-05 PROHIBITED_FEES").count());
        assertEquals("fewer than 5", complaints.get("2031-05 DECEPTION").shown());
        assertEquals("fewer than 5", complaints.get("2031-04 OTHER").shown());
        assertEquals("0", complaints.get("2031-03 ABUSE").shown());
        assertEquals(12 * 7, figures.complaintsPerMonth().size());
    }

    @Test
    void public_fee_totals_show_only_proven_fees_and_withhold_amounts_from_fewer_than_five_cases() {
        List<String> fees = statistics.statistics(Locale.ENGLISH).prohibitedFeesByDestination().stream()
                .map(f -> f.destination() + " " + f.currency() + " " + f.cases().shown() + " " + f.prohibited().shown())
                .toList();

        // JO fees are not proven; KW: 5 proven KWD cases, and 1 proven NPR case
        assertEquals(List.of("KW KWD 5 502.500 KWD", "KW NPR fewer than 5 withheld (fewer than 5 cases)"), fees);
    }

    private Map<String, Chart> dashboard(Map<String, String> form) {
        return reports.dashboard(reports.filter(new HashMap<>(form)), Locale.ENGLISH).stream()
                .collect(Collectors.toMap(Chart::id, c -> c, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    static List<String> table(Chart chart) {
        return chart.rows().stream().map(r -> r.label() + " | " + r.cells().stream()
                .map(c -> c.withheld() ? c.text() : c.value().toPlainString()).collect(Collectors.joining(" "))).toList();
    }

    private static String cell(Chart chart, String row) {
        return cell(chart, row, chart.series().get(0));
    }

    private static String cell(Chart chart, String row, String series) {
        Chart.Row found = chart.rows().stream().filter(r -> r.label().equals(row)).findFirst().orElseThrow();
        return found.cells().get(chart.series().indexOf(series)).value().toPlainString();
    }
}
