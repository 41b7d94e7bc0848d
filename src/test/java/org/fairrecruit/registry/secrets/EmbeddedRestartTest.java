package org.fairrecruit.registry.secrets;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.document.DocumentText;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.StaffFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded default with no secret configured, started twice on the same data folder and
 * database, as `./mvnw mn:run` is run again: what the first run signed is still valid in the second.
 */
class EmbeddedRestartTest {
    private static Map<String, Object> embeddedWithoutConfiguredSecrets(String database) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("registry.embedded-db.database-name", database);
        settings.put("micronaut.server.port", -1);
        for (RequiredSecret secret : RequiredSecret.values()) {
            settings.put(secret.property(), "");
        }
        return settings;
    }

    @Test
    void certificates_and_sessions_of_the_embedded_default_stay_valid_after_a_restart() throws Exception {
        Map<String, Object> settings = embeddedWithoutConfiguredSecrets("restart_" + UUID.randomUUID().toString().replace("-", ""));
        String code;
        String session;
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, settings, "test")) {
            RegisterFixtures register = first.getApplicationContext().getBean(RegisterFixtures.class);
            Agency agency = register.agency("Dunlin Restart Recruiters");
            register.activeLicence(agency.id());
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    first.getURI().resolve("/agencies/" + agency.id() + "/certificate.pdf")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String url = DocumentText.qrCode(document);
                code = url.substring(url.lastIndexOf('/') + 1);
            }
            String officer = first.getApplicationContext().getBean(StaffFixtures.class).userWithRole("LICENSING_OFFICER");
            session = new WebClient(first.getURI()).signIn(officer, StaffFixtures.PASSWORD).cookie("REGISTRY_SESSION").orElseThrow();
        }

        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, settings, "test")) {
            HttpResponse<String> verified = new WebClient(second.getURI()).getJson("/verify/" + code);
            HttpResponse<String> staffPage = new WebClient(second.getURI()).send(HttpRequest.newBuilder(
                    second.getURI().resolve("/staff/agencies")).header("Accept", "text/html")
                    .header("Cookie", "REGISTRY_SESSION=" + session));

            assertEquals(200, verified.statusCode(), verified.body());
            assertTrue(verified.body().contains("\"genuine\":true"), verified.body());
            assertEquals(200, staffPage.statusCode(), "the session signed before the restart is still valid");
        }
    }
}
