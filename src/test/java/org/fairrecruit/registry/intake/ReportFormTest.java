package org.fairrecruit.registry.intake;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.support.Multipart;
import org.fairrecruit.registry.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report form as a browser without JavaScript posts it (multipart, CSRF token, hidden submission token). */
@MicronautTest(transactional = false)
@Property(name = "registry.public-rate-limit.client-header", value = "X-Test-Client")
@Property(name = "registry.intake.submissions-per-hour", value = "3")
class ReportFormTest {
    @Inject EmbeddedServer server;
    @Inject Sql sql;

    private final String client = UUID.randomUUID().toString();

    private WebClient open() {
        WebClient web = new WebClient(server.getURI());
        web.send(HttpRequest.newBuilder(server.getURI().resolve("/report?lang=ne")).header("X-Test-Client", client).GET());
        return web;
    }

    private Multipart complete(String submission) {
        return new Multipart().field("submission", submission).field("language", "ne")
                .field("category", "PROHIBITED_FEES").field("description", "मसँग डेढ लाख लियो।")
                .field("agencyName", "Himal Sapana Overseas").field("consent", "yes");
    }

    private HttpResponse<String> post(WebClient web, Multipart form) {
        form.field("_csrf", web.csrfToken().orElseThrow());
        return web.send(HttpRequest.newBuilder(server.getURI().resolve("/report?lang=ne"))
                .header("Content-Type", form.contentType()).header("Accept", "text/html").header("X-Test-Client", client)
                .POST(form.publisher()));
    }

    private long cases() {
        return sql.count("SELECT COUNT(*) FROM complaint");
    }

    @Test
    void invalid_input_keeps_everything_typed_and_marks_each_field_in_the_reporters_language() {
        WebClient web = open();
        long before = cases();
        HttpResponse<String> response = post(web, new Multipart().field("submission", "s-" + client).field("language", "ne")
                .field("category", "").field("description", "").field("agencyName", "Himal Sapana Overseas")
                .field("employer", "Doha Build Co.").field("fees[0].feeType", "RECRUITMENT_FEE")
                .field("fees[0].amount", "150000").field("fees[0].currency", "XYZ").field("fees[0].paidOn", "2026-13-40")
                .field("contact.email", "sita-at-example").field("contact.phone", "+977 9800000001"));
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals("Himal Sapana Overseas", page.getElementById("agencyName").val());
        assertEquals("Doha Build Co.", page.getElementById("employer").val());
        assertEquals("150000", page.getElementById("fees[0].amount").val());
        assertEquals("XYZ", page.getElementById("fees[0].currency").val());
        assertEquals("+977 9800000001", page.getElementById("contact.phone").val());
        assertEquals("sita-at-example", page.getElementById("contact.email").val());
        assertEquals("RECRUITMENT_FEE", page.select("select[name='fees[0].feeType'] option[selected]").val());
        assertEquals("यो भर्नु अनिवार्य छ।", page.getElementById("description-error").text());
        assertEquals("दिइएका विकल्पमध्ये एउटा छान्नुहोस्।", page.getElementById("category-error").text());
        assertEquals("ISO 4217 मुद्रा कोड लेख्नुहोस्, जस्तै NPR।", page.getElementById("fees[0].currency-error").text());
        assertEquals("मिति YYYY-MM-DD ढाँचामा लेख्नुहोस्।", page.getElementById("fees[0].paidOn-error").text());
        assertEquals("सही इमेल ठेगाना लेख्नुहोस्।", page.getElementById("contact.email-error").text());
        assertEquals("उजुरी पठाउन यो बाकसमा चिन्ह लगाउनुहोस्।", page.getElementById("consent-error").text());
        assertEquals("true", page.getElementById("contact.email").attr("aria-invalid"));
        assertEquals(before, cases());
    }

    @Test
    void a_disguised_file_is_refused_with_a_clear_message_and_nothing_typed_is_lost() {
        WebClient web = open();
        long before = cases();
        HttpResponse<String> response = post(web, complete("z-" + client)
                .file("files", "receipt.jpg", "image/jpeg", TestImages.zip())
                .file("files", "photo.jpg", "image/jpeg", TestImages.jpegWithGps(50, 50)));
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals("फाइल receipt.jpg JPEG वा PNG फोटो वा PDF होइन।", page.getElementById("files-error").text());
        assertEquals("मसँग डेढ लाख लियो।", page.getElementById("description").val());
        assertEquals("Himal Sapana Overseas", page.getElementById("agencyName").val());
        assertEquals("yes", page.select("input[name=consent][checked]").val());
        assertEquals(before, cases());
    }

    @Test
    void a_double_click_sends_one_report_and_shows_the_same_reference_and_code() {
        WebClient web = open();
        long before = cases();
        String token = "d-" + client;
        Document first = Jsoup.parse(post(web, complete(token)).body());
        Document second = Jsoup.parse(post(web, complete(token)).body());
        assertEquals(first.getElementById("reference").text(), second.getElementById("reference").text());
        assertEquals(first.getElementById("code").text(), second.getElementById("code").text());
        assertEquals(before + 1, cases());
    }

    @Test
    void a_filled_honeypot_sends_nothing() {
        WebClient web = open();
        long before = cases();
        HttpResponse<String> response = post(web, complete("h-" + client).field(ReportPages.HONEYPOT, "http://spam.example"));
        assertEquals(400, response.statusCode());
        assertEquals(before, cases());
    }

    @Test
    void a_client_may_send_three_reports_an_hour_here_and_the_fourth_is_refused() {
        WebClient web = open();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, post(web, complete("r" + i + "-" + client)).statusCode());
        }
        HttpResponse<String> fourth = post(web, complete("r3-" + client));
        assertEquals(429, fourth.statusCode());
        assertTrue(fourth.headers().firstValue("Retry-After").isPresent());
        assertNotEquals(-1, fourth.body().indexOf("हटलाइनमा"), fourth.body());
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() {
        WebClient web = open();
        long before = cases();
        Multipart form = complete("c-" + client);
        HttpResponse<String> response = web.send(HttpRequest.newBuilder(server.getURI().resolve("/report"))
                .header("Content-Type", form.contentType()).header("Accept", "text/html").header("X-Test-Client", client)
                .POST(form.publisher()));
        assertEquals(403, response.statusCode());
        assertEquals(before, cases());
    }
}
