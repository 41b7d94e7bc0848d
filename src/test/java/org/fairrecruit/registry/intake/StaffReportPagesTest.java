package org.fairrecruit.registry.intake;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.document.DocumentText;
import org.fairrecruit.registry.kernel.Roles;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What staff do with a public report, and the reporter's receipt. */
@MicronautTest(transactional = false)
class StaffReportPagesTest {
    @Inject EmbeddedServer server;
    @Inject HotlineReports reports;
    @Inject StaffFixtures staff;
    @Inject Sql sql;

    private HotlineReports.Submitted report(String email) {
        return reports.submit(new NewReport("DOCUMENT_RETENTION", "Mero rahadani rakhyo.", "Himal Sapana", null, "QA", null,
                List.of(), new NewReport.Contact("Sita Example", "+977 9800000001", email, "ne"), "ne"), List.of(), null,
                "staff-test");
    }

    @Test
    void viewing_the_reporters_contact_details_is_audited() {
        HotlineReports.Submitted submitted = report("sita@example.test");
        WebClient investigator = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.INVESTIGATOR), StaffFixtures.PASSWORD);
        HttpResponse<String> page = investigator.getHtml("/staff/intake/" + submitted.complaintId());
        assertFalse(page.body().contains("sita@example.test"), "closed until asked");
        HttpResponse<String> opened = investigator.postForm("/staff/intake/" + submitted.complaintId() + "/contact", Map.of());
        assertEquals(200, opened.statusCode());
        assertTrue(opened.body().contains("sita@example.test"));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'complaint.contact.viewed' AND entity_id = ?",
                String.valueOf(submitted.complaintId())));
    }

    @Test
    void the_reports_queue_filters_in_the_url_counts_and_exports_without_the_reporters_address() {
        HotlineReports.Submitted submitted = report("queue-export@example.test");
        WebClient investigator = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.INVESTIGATOR),
                StaffFixtures.PASSWORD);

        String filtered = investigator.getHtml("/staff/intake?category=DOCUMENT_RETENTION").body();
        assertTrue(filtered.contains(submitted.reference()) && filtered.contains("Showing 1–"), filtered);
        assertFalse(investigator.getHtml("/staff/intake?category=ABUSE").body().contains(submitted.reference()));
        assertFalse(investigator.getHtml("/staff/intake?status=UNDER_INVESTIGATION").body().contains(submitted.reference()),
                "new reports only unless another status is asked for");

        String csv = investigator.send(java.net.http.HttpRequest.newBuilder(
                investigator.uri("/staff/intake/export.csv?category=DOCUMENT_RETENTION")).GET()).body();
        assertTrue(csv.startsWith("reference,category,status,language,receivedAt") && csv.contains(submitted.reference()), csv);
        assertFalse(csv.contains("queue-export@example.test"), "no contact details leave in the file");
        assertEquals(400, investigator.getHtml("/staff/intake?status=NOPE").statusCode());
    }

    @Test
    void an_auditor_reads_the_queue_but_cannot_write_to_a_reporter_and_the_public_sees_neither() {
        HotlineReports.Submitted submitted = report("");
        WebClient auditor = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.AUDITOR), StaffFixtures.PASSWORD);
        assertTrue(auditor.getHtml("/staff/intake").body().contains(submitted.reference()));
        assertEquals(403, auditor.postForm("/staff/intake/" + submitted.complaintId() + "/messages",
                Map.of("body", "Hello", "lang", "en")).statusCode());
        assertEquals(403, auditor.postForm("/staff/intake/" + submitted.complaintId() + "/contact", Map.of()).statusCode());
        int anonymous = new WebClient(server.getURI()).getHtml("/staff/intake").statusCode();
        assertTrue(anonymous == 401 || anonymous == 303, "anonymous: " + anonymous);
        WebClient operator = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.HOTLINE_OPERATOR), StaffFixtures.PASSWORD);
        assertEquals(403, operator.getHtml("/staff/intake/" + submitted.complaintId()).statusCode());
    }

    @Test
    void the_investigators_message_reaches_the_reporter_by_mail_in_their_language_without_its_text() {
        HotlineReports.Submitted submitted = report("ram@example.test");
        WebClient investigator = new WebClient(server.getURI()).signIn(staff.userWithRole(Roles.INVESTIGATOR), StaffFixtures.PASSWORD);
        assertEquals(303, investigator.postForm("/staff/intake/" + submitted.complaintId() + "/messages",
                Map.of("body", "Please send the receipt.", "lang", "en")).statusCode());
        String mail = sql.one("SELECT CONCAT(subject, '|', body_text) FROM outbox_message WHERE recipient = 'ram@example.test' "
                + "AND message_key LIKE 'intake-message-%'", rs -> rs.getString(1)).orElseThrow();
        assertTrue(mail.startsWith("तपाईंको उजुरी " + submitted.reference() + " बारे एउटा सन्देश|"), mail);
        assertFalse(mail.contains("Please send the receipt."), mail);
        assertEquals("Please send the receipt.", reports.open(submitted.reference(), submitted.followUpCode(), "staff-test")
                .messages().get(0).body());
    }

    @Test
    void the_receipt_is_in_the_reporters_language_with_reference_and_code_and_nothing_of_the_report() throws Exception {
        HotlineReports.Submitted submitted = report("");
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(HttpRequest.newBuilder(server.getURI().resolve("/report?lang=ne")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("REGISTRY_CSRF"))
                .findFirst().orElseThrow().getValue();
        String body = "_csrf=" + csrf + "&reference=" + submitted.reference() + "&followUpCode=" + submitted.followUpCode();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(server.getURI().resolve("/report/receipt?lang=ne"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
        byte[] bytes = response.body();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = DocumentText.of(document);
            assertTrue(text.contains("तपाईंको उजुरीको रसिद"), text);
            assertTrue(text.contains(submitted.reference()) && text.contains(submitted.followUpCode()), text);
            assertFalse(text.contains("rahadani") || text.contains("Himal") || text.contains("Sita"), text);
        }
    }
}
