package org.fairrecruit.registry.screening;

import io.micronaut.context.MessageSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.agency.Agency;
import org.fairrecruit.registry.support.RegisterFixtures;
import org.fairrecruit.registry.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The employers' guide in every language, its worked signature example, and re-screening by changes. */
@MicronautTest(transactional = false)
class ScreeningGuideAndChangesTest {
    @Inject EmbeddedServer server;
    @Inject MessageSource messages;
    @Inject ScreeningCalls calls;
    @Inject RegisterFixtures register;

    @Test
    void the_guide_is_in_every_language_and_its_worked_example_signature_verifies() throws Exception {
        WebClient browser = new WebClient(server.getURI());
        for (String lang : List.of("en", "fil", "ne", "id")) {
            HttpResponse<String> page = browser.getHtml("/screening?lang=" + lang);
            assertEquals(200, page.statusCode(), lang);
            Document html = Jsoup.parse(page.body());
            assertEquals(messages.getMessage("screening.guide.title", Locale.forLanguageTag(lang)).orElseThrow(),
                    html.selectFirst("h1").text(), lang);
            assertTrue(html.select("h2").size() >= 6, lang);
        }
        Document html = Jsoup.parse(browser.getHtml("/screening").body());
        List<String> values = html.select("dd code").eachText();
        String secret = values.get(0);
        String signed = values.get(4);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        assertEquals(values.get(1) + "." + values.get(2) + "." + values.get(3), signed);
        assertEquals("v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))),
                values.get(5));
    }

    @Test
    @SuppressWarnings("unchecked")
    void changes_since_a_time_list_the_changed_agencies_once_and_the_cursor_continues_from_there() throws Exception {
        String key = calls.issueKey();
        Instant before = Instant.now();
        Thread.sleep(10);
        Agency agency = register.agency("Rescreen Me Manpower");
        register.activeLicence(agency.id());

        Map<String, Object> page = calls.body(calls.get(key, "/api/v1/screening/changes?since=" + before), 200);
        List<Map<String, Object>> changes = (List<Map<String, Object>>) page.get("changes");
        assertEquals(1, changes.stream().filter(c -> ("agency-" + agency.id()).equals(c.get("id"))).count(), changes.toString());
        assertEquals("AGENCY", changes.get(0).get("kind"));

        Map<String, Object> next = calls.body(calls.get(key, "/api/v1/screening/changes?since=" + page.get("cursor")), 200);
        assertEquals(List.of(), next.get("changes"));
        assertEquals(400, calls.get(key, "/api/v1/screening/changes?since=yesterday").statusCode());
        assertEquals(400, calls.get(key, "/api/v1/screening/changes").statusCode());
        assertEquals(401, calls.get(null, "/api/v1/screening/changes?since=c0").statusCode());
    }
}
