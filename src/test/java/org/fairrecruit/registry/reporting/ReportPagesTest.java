package org.fairrecruit.registry.reporting;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fairrecruit.registry.document.DocumentText;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.TestClock;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard, its exports and the public statistics as a browser and an API client get them. */
@MicronautTest(transactional = false, environments = TestClock.ENV)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesTest {
    @Inject ReportFixtures fixtures;
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    private String supervisor;

    @BeforeAll
    void data() {
        fixtures.build();
        supervisor = staff.userWithRole(Roles.SUPERVISOR);
    }

    private WebClient signedIn(String role) {
        return new WebClient(server.getURI()).signIn(role.equals(Roles.SUPERVISOR) ? supervisor : staff.userWithRole(role),
                StaffFixtures.PASSWORD);
    }

    @Test
    void the_dashboard_draws_every_chart_with_its_table_and_a_csv_link_that_keeps_the_filter() {
        HttpResponse<String> page = signedIn(Roles.SUPERVISOR).getHtml("/staff/reports?from=2031-03&to=2031-06&lang=en");

        assertEquals(200, page.statusCode());
        String html = page.body();
        for (String id : new String[]{"complaints-by-category", "complaints-by-channel", "intake", "fees-by-destination-KWD",
                "fees-by-agency-NPR", "refunds-JOD", "licences-by-status", "licence-changes", "case-ageing",
                "licences-expiring", "highest-risk"}) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
            assertTrue(html.contains("/staff/reports/" + id + ".csv?from=2031-03&amp;to=2031-06"), id);
        }
        assertTrue(html.contains("<svg"));
        assertFalse(html.contains("style="), "no inline style under the strict CSP");
        assertTrue(html.contains("<caption>Prohibited fees by destination country (KWD)</caption>"));
    }

    @Test
    void a_chart_exports_its_data_table_as_csv() {
        HttpResponse<String> csv = signedIn(Roles.AUDITOR).getHtml("/staff/reports/refunds-KWD.csv?from=2031-03&to=2031-06");

        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("Stage,Amount (KWD)\r\nProhibited fees paid,603.000\r\nRefunds ordered,100.500\r\n"
                + "Refunds paid back,50.250\r\n", csv.body());
        assertEquals(404, signedIn(Roles.AUDITOR).getHtml("/staff/reports/no-such-chart.csv").statusCode());
    }

    @Test
    void a_bad_filter_is_named_beside_its_field_with_the_input_kept() {
        WebClient client = signedIn(Roles.INVESTIGATOR);
        HttpResponse<String> page = client.getHtml("/staff/reports?from=2031-13&destination=ZZZ&agency=x%27&lang=en");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"from-error\""), page.body());
        assertTrue(page.body().contains("Enter a two-letter country code"));
        assertTrue(page.body().contains("value=\"ZZZ\""));
        assertTrue(page.body().contains("Enter an agency number"));
        assertEquals(400, client.getHtml("/staff/reports/intake.csv?to=1999-01").statusCode());
        assertTrue(client.getHtml("/staff/reports?from=2031-06&to=2031-01&lang=en").body()
                .contains("The end month must not be before the start month."));
    }

    @Test
    void a_hotline_operator_has_no_dashboard() {
        assertEquals(403, signedIn(Roles.HOTLINE_OPERATOR).getHtml("/staff/reports").statusCode());
        assertEquals(303, new WebClient(server.getURI()).getHtml("/staff/reports").statusCode());
    }

    @Test
    void the_monthly_report_pdf_carries_each_chart_summary() throws Exception {
        WebClient client = signedIn(Roles.SUPERVISOR);
        HttpResponse<byte[]> pdf = client.send(HttpRequest.newBuilder(client.uri("/staff/reports/monthly.pdf?month=2031-05&lang=en"))
                .GET(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = DocumentText.of(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Monthly report: May 2031"), text);
            assertTrue(text.contains("Complaints per month by category"), text);
            assertTrue(text.contains("8 in total. Largest: May 2031 (8)."), text);
        }
    }

    @Test
    void the_public_api_gives_aggregates_with_small_counts_withheld() {
        HttpResponse<String> json = new WebClient(server.getURI()).getJson("/api/v1/public/statistics");

        assertEquals(200, json.statusCode());
        String body = json.body();
        assertTrue(body.contains("{\"status\":\"ACTIVE\",\"licences\":{\"count\":null,\"amount\":null,\"shown\":\"fewer than 5\"}}"), body);
        assertTrue(body.contains("\"month\":\"2031-05\",\"category\":\"PROHIBITED_FEES\",\"complaints\":{\"count\":6"), body);
        assertFalse(body.contains("Alpha Reports"), "no agency, no case");
        assertFalse(body.contains("What happened"));
    }

    @Test
    void public_statistics_in_nepali_and_as_open_data_csv() {
        HttpResponse<String> page = new WebClient(server.getURI()).getHtml("/statistics?lang=ne");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("तथ्याङ्क"));
        assertTrue(page.body().contains("5 भन्दा कम") || page.body().contains("५ भन्दा कम"), page.body());
        assertTrue(new WebClient(server.getURI()).getHtml("/opendata?lang=en").body().contains("/opendata/statistics.csv"));
        String csv = new WebClient(server.getURI()).getHtml("/opendata/statistics.csv?lang=en").body();
        assertTrue(csv.startsWith("chart,row,series,value\r\n"), csv);
        assertTrue(csv.contains("public-complaints,May 2031,Prohibited fees,6\r\n"), csv);
        assertTrue(csv.contains("public-complaints,May 2031,Deception about the job,fewer than 5\r\n"), csv);
        assertTrue(csv.contains("public-fees-KWD,KW,Amount (KWD),502.500\r\n"), csv);
    }

    @Test
    void dashboard_and_statistics_read_on_a_laptop_and_a_phone() {
        try (Browser desktop = Browser.desktop(); Browser phone = Browser.phone()) {
            for (Browser browser : new Browser[]{desktop, phone}) {
                browser.signIn(server.getURI(), supervisor);
                browser.driver().get(server.getURI().resolve("/staff/reports?from=2031-03&to=2031-06&lang=en").toString());
                assertTrue(browser.driver().findElement(By.cssSelector("#complaints-by-category svg")).isDisplayed());
                int width = browser.driver().findElement(By.cssSelector("#complaints-by-category svg")).getSize().getWidth();
                int page = browser.driver().findElement(By.tagName("body")).getSize().getWidth();
                assertTrue(width <= page, "the chart fits the screen: " + width + " of " + page);
            }
            desktop.screenshot("reports-dashboard-desktop");
            phone.screenshot("reports-dashboard-phone");
            phone.driver().get(server.getURI().resolve("/statistics?lang=ne").toString());
            phone.screenshot("statistics-ne-phone");
            desktop.driver().get(server.getURI().resolve("/statistics?lang=ne").toString());
            desktop.screenshot("statistics-ne-desktop");
        }
    }
}
