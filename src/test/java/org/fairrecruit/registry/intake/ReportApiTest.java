package org.fairrecruit.registry.intake;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.support.Multipart;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public reports API (../shared/API.md) over HTTP, against the real database. Each test is its own client. */
@MicronautTest(transactional = false)
@Property(name = "registry.public-rate-limit.client-header", value = "X-Test-Client")
class ReportApiTest {
    private static final String REPORT = """
            {"category": "PROHIBITED_FEES", "description": "The agency took my passport and 150000 rupees.",
             "agencyName": "Unknown Himalaya Recruiters", "destinationCountry": "QA", "employer": "Doha Build Co.",
             "fees": [{"feeType": "RECRUITMENT_FEE", "amount": "150000", "currency": "NPR", "paidOn": "2026-10-02",
                       "paidTo": "AGENCY"}],
             "contact": {"name": "Sita Example", "phone": "+977 9800000001", "email": "sita@example.test", "language": "ne"},
             "language": "ne"}""";
    @Inject EmbeddedServer server;
    @Inject JsonMapper json;
    @Inject Sql sql;

    private final String client = UUID.randomUUID().toString();

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return new WebClient(server.getURI()).send(request.header("X-Test-Client", client));
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(server.getURI().resolve(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder get(String path, String code) {
        return HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "application/json")
                .header("X-Follow-Up-Code", code).GET();
    }

    private Map<String, Object> read(HttpResponse<String> response) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.readValue(response.body(), Map.class);
            return map;
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private Map<String, Object> created() {
        HttpResponse<String> response = send(post("/api/v1/public/reports", REPORT));
        assertEquals(201, response.statusCode(), response.body());
        return read(response);
    }

    private long caseId(Object reference) {
        return sql.count("SELECT id FROM complaint WHERE reference = ?", reference);
    }

    @Test
    void a_report_becomes_a_received_web_case_with_its_fee_a_hashed_code_and_the_duty_officer_alert() {
        Map<String, Object> answer = created();
        long id = caseId(answer.get("reference"));
        assertEquals(List.of("WEB RECEIVED PROHIBITED_FEES QA ne"), sql.list("SELECT channel, status, category, "
                + "destination_country, language FROM complaint WHERE id = ?", rs -> rs.getString(1) + " " + rs.getString(2)
                + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5), id));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM fee_record WHERE complaint_id = ? AND amount = 150000", id));
        String hash = sql.one("SELECT follow_up_hash FROM intake_report WHERE complaint_id = ?", rs -> rs.getString(1), id).orElseThrow();
        assertTrue(hash.startsWith("$argon2id$") && !hash.contains((String) answer.get("followUpCode")));
        String alert = sql.one("SELECT body_text FROM outbox_message WHERE message_key = ?", rs -> rs.getString(1),
                "intake-duty-" + id).orElseThrow();
        assertTrue(alert.contains("/staff/intake/" + id), alert);
        assertFalse(alert.contains("passport") || alert.contains("Sita") || alert.contains("150000"), alert);
        assertEquals(1, sql.count("SELECT COUNT(*) FROM outbox_message WHERE recipient = 'sita@example.test' AND message_key = ?",
                "complaint-" + id + "-0"));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'intake.report.received' AND entity_id = ?",
                String.valueOf(id)));
    }

    @Test
    void the_same_idempotency_key_twice_gives_one_case_and_the_same_answer() {
        String key = UUID.randomUUID().toString();
        long before = sql.count("SELECT COUNT(*) FROM intake_report");
        HttpResponse<String> first = send(post("/api/v1/public/reports", REPORT).header("Idempotency-Key", key));
        HttpResponse<String> again = send(post("/api/v1/public/reports", REPORT).header("Idempotency-Key", key));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(read(first), read(again));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM complaint WHERE reference = ?", read(first).get("reference")));
        assertEquals(before + 1, sql.count("SELECT COUNT(*) FROM intake_report"));

        HttpResponse<String> other = send(post("/api/v1/public/reports", REPORT.replace("150000 rupees", "a bond"))
                .header("Idempotency-Key", key));
        assertEquals(422, other.statusCode(), other.body());
    }

    @Test
    void contact_details_are_not_readable_in_the_database() {
        long id = caseId(created().get("reference"));
        byte[] sealed = sql.one("SELECT sealed FROM complaint_contact WHERE complaint_id = ?", rs -> rs.getBytes(1), id).orElseThrow();
        String raw = new String(sealed, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("sita@example.test") || raw.contains("9800000001") || raw.contains("Sita"));
    }

    @Test
    void the_reporter_reads_the_status_and_adds_information_with_the_code() {
        Map<String, Object> answer = created();
        String path = "/api/v1/public/reports/" + answer.get("reference");
        HttpResponse<String> status = send(get(path, (String) answer.get("followUpCode")).header("Accept-Language", "ne"));
        assertEquals(200, status.statusCode(), status.body());
        assertEquals("RECEIVED", read(status).get("status"));
        assertEquals("प्राप्त भयो: एक अनुसन्धानकर्ताले चाँडै पढ्नुहुनेछ।", read(status).get("statusText"));

        HttpResponse<String> added = send(post(path, "{\"message\": \"The agent is called Ram.\"}")
                .header("X-Follow-Up-Code", (String) answer.get("followUpCode")));
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("The agent is called Ram.") && added.body().contains("FROM_REPORTER"), added.body());
    }

    @Test
    void a_wrong_code_is_refused_like_an_unknown_reference_and_then_slowed() {
        Map<String, Object> answer = created();
        String wrong = FollowUpCode.generate();
        HttpResponse<String> wrongCode = send(get("/api/v1/public/reports/" + answer.get("reference"), wrong));
        String unknownReference = "000-000-000";
        HttpResponse<String> unknown = send(get("/api/v1/public/reports/" + unknownReference, wrong)
                .header("X-Test-Client", "elsewhere-" + client));
        assertEquals(404, wrongCode.statusCode());
        assertEquals(404, unknown.statusCode());
        Map<String, Object> refusal = read(wrongCode);
        refusal.remove("instance");
        Map<String, Object> sameRefusal = read(unknown);
        sameRefusal.remove("instance");
        assertEquals(refusal, sameRefusal);
        assertEquals("We do not recognise this reference and code together. Check both and try again.", refusal.get("detail"));

        for (int i = 0; i < 2; i++) {
            assertEquals(404, send(get("/api/v1/public/reports/" + answer.get("reference"), FollowUpCode.generate())).statusCode());
        }
        HttpResponse<String> slowed = send(get("/api/v1/public/reports/" + answer.get("reference"), FollowUpCode.generate()));
        assertEquals(404, slowed.statusCode(), "the fourth failure still answers, and starts the wait");
        HttpResponse<String> waiting = send(get("/api/v1/public/reports/" + answer.get("reference"), (String) answer.get("followUpCode")));
        assertEquals(429, waiting.statusCode(), waiting.body());
        assertNotNull(waiting.headers().firstValue("Retry-After").orElse(null));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM intake_throttle WHERE subject = ? AND failures = 4",
                "reference:" + answer.get("reference")));
    }

    @Test
    void a_code_with_one_symbol_changed_is_reported_as_mistyped() {
        Map<String, Object> answer = created();
        String code = (String) answer.get("followUpCode");
        char changed = code.charAt(0) == '7' ? '8' : '7';
        HttpResponse<String> response = send(get("/api/v1/public/reports/" + answer.get("reference"), changed + code.substring(1)));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"followUpCode\"") && response.body().contains("typing mistake"), response.body());
        assertEquals(0, sql.count("SELECT COUNT(*) FROM intake_throttle WHERE subject = ?", "reference:" + answer.get("reference")));
    }

    @Test
    void a_photo_sent_with_the_report_is_stored_without_its_gps_position() throws Exception {
        Multipart form = new Multipart().field("category", "DOCUMENT_RETENTION").field("description", "They kept my passport.")
                .field("language", "en").file("files", "passport.jpg", "image/jpeg", TestImages.jpegWithGps(200, 120));
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/public/reports"))
                .header("Content-Type", form.contentType()).header("Accept", "application/json").POST(form.publisher()));
        assertEquals(201, response.statusCode(), response.body());
        byte[] stored = sql.one("SELECT content FROM complaint_attachment WHERE complaint_id = ?", rs -> rs.getBytes(1),
                caseId(read(response).get("reference"))).orElseThrow();
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored));
        assertNull(metadata.getFirstDirectoryOfType(GpsDirectory.class));
    }

    @Test
    void a_zip_named_jpg_and_an_oversized_photo_are_refused_beside_the_files_field() {
        long before = sql.count("SELECT COUNT(*) FROM complaint");
        Multipart form = new Multipart().field("category", "OTHER").field("description", "Fake job offer.")
                .file("files", "receipt.jpg", "image/jpeg", TestImages.zip())
                .file("files", "big.jpg", "image/jpeg", TestImages.jpegOfSize(11 * 1024 * 1024));
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/public/reports"))
                .header("Content-Type", form.contentType()).header("Accept", "application/json").POST(form.publisher()));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("The file receipt.jpg is not a JPEG or PNG photo or a PDF."), response.body());
        assertTrue(response.body().contains("The file big.jpg is larger than 10 MB."), response.body());
        assertEquals(before, sql.count("SELECT COUNT(*) FROM complaint"));
    }

    @Test
    void invalid_fields_are_all_named_at_once_and_nothing_is_stored() {
        long before = sql.count("SELECT COUNT(*) FROM complaint");
        HttpResponse<String> response = send(post("/api/v1/public/reports", """
                {"category": "NOPE", "description": "", "destinationCountry": "XX",
                 "fees": [{"feeType": "RECRUITMENT_FEE", "amount": "-5", "currency": "NPR", "paidOn": "yesterday"},
                          {"feeType": "MEDICAL", "amount": "20", "currency": "ABC"}],
                 "contact": {"email": "not-an-address"}}"""));
        assertEquals(400, response.statusCode(), response.body());
        for (String field : List.of("category", "description", "destinationCountry", "fees[0].amount", "fees[1].currency",
                "fees[0].paidOn", "contact.email")) {
            assertTrue(response.body().contains("\"" + field + "\""), field + " in " + response.body());
        }
        assertEquals(before, sql.count("SELECT COUNT(*) FROM complaint"));
    }
}
