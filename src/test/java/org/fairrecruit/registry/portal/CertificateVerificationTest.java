package org.fairrecruit.registry.portal;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fairrecruit.registry.document.DocumentText;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "registry.demo.enabled", value = "true")
@Property(name = "registry.public-base-url", value = "https://registry.example")
class CertificateVerificationTest {
    @Inject EmbeddedServer server;
    @Inject CertificateCodes shortCodes;
    @Inject VerificationCodes longCodes;

    private String certificateText(String path) throws IOException {
        return certificate(path)[0];
    }

    /** The certificate's text and the code its QR code carries. */
    private String[] certificate(String path) throws IOException {
        HttpResponse<byte[]> response = new WebClientBytes(server).get(path);
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertEquals(1, pdf.getNumberOfPages());
            String url = DocumentText.qrCode(pdf);
            assertTrue(url.startsWith("https://registry.example/verify/"), url);
            assertTrue(DocumentText.of(pdf).replace("\n", "").contains(url), "the address is printed too");
            return new String[]{DocumentText.of(pdf), url.substring(url.lastIndexOf('/') + 1)};
        }
    }

    @Test
    void nepali_certificate_states_the_facts_and_its_code_verifies() throws IOException {
        String[] certificate = certificate("/agencies/1/certificate.pdf?lang=ne");
        String text = certificate[0];

        assertTrue(text.contains("Bluewater Demo Manpower Services Inc."), text);
        assertTrue(text.contains("RA-2024-0001"), text);
        assertTrue(text.contains("प्रमाणीकरण प्रमाणपत्र"), text);
        assertTrue(text.contains("मार्च 2028 सम्म इजाजतपत्र मान्य छ"), text);
        assertTrue(text.contains("इजाजतपत्रको अवस्था सक्रिय"), text);

        HttpResponse<String> verified = new WebClient(server.getURI()).getJson("/verify/" + certificate[1]);
        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(verified.body().contains("\"genuine\":true"), verified.body());
        assertTrue(verified.body().contains("\"licenceNumber\":\"RA-2024-0001\""), verified.body());
        assertTrue(verified.body().contains("\"changed\":false"), verified.body());
    }

    @Test
    void certificate_of_a_suspended_agency_says_so_in_english() throws IOException {
        String text = certificateText("/agencies/2/certificate.pdf?lang=en");

        assertTrue(text.contains("Licence suspended — do not pay any fee"), text);
        assertTrue(text.contains("RA-2023-0002"), text);
    }

    @Test
    void a_well_formed_short_code_that_was_never_issued_is_not_genuine() throws IOException {
        String code = certificate("/agencies/2/certificate.pdf")[1].replaceAll("\\?.*", "");
        String symbols = code.replace("-", "").substring(0, CertificateCodes.SYMBOLS);
        // Another code with a correct check symbol: only the register's own rows are genuine.
        String other = shortCodes.printed(symbols.charAt(0) == '7' ? "8" + symbols.substring(1) : "7" + symbols.substring(1));

        HttpResponse<String> json = new WebClient(server.getURI()).getJson("/verify/" + other);
        assertEquals(400, json.statusCode());
        assertEquals("application/problem+json", json.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> page = new WebClient(server.getURI()).getHtml("/verify/" + other + "?lang=en");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("This certificate is NOT genuine"), page.body());
    }

    @Test
    void long_codes_of_earlier_certificates_still_verify_and_a_tampered_one_does_not() {
        String code = longCodes.sign(new VerificationCodes.Snapshot(2, "RA-2023-0002", "SUSPENDED",
                java.time.LocalDate.of(2027, 6, 1), false, java.time.Instant.parse("2026-11-30T10:00:00Z")));
        assertEquals(200, new WebClient(server.getURI()).getJson("/verify/" + code).statusCode());

        // Rewrite the status inside the payload to ACTIVE, keeping the signature.
        String payload = new String(java.util.Base64.getUrlDecoder().decode(code.substring(0, code.indexOf('.'))));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("SUSPENDED", "ACTIVE").getBytes()) + code.substring(code.indexOf('.'));
        HttpResponse<String> page = new WebClient(server.getURI()).getHtml("/verify/" + forged + "?lang=en");
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("This certificate is NOT genuine"), page.body());
        assertEquals(400, new WebClient(server.getURI()).getJson("/verify/" + code.substring(0, code.length() - 2) + "AA").statusCode());
    }

    /** PDFs are bytes, not strings. */
    private record WebClientBytes(EmbeddedServer server) {
        HttpResponse<byte[]> get(String path) throws IOException {
            try {
                return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
