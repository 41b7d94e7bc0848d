package org.fairrecruit.registry.portal;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public JSON endpoints of API.md, on the fictional demo data. */
@MicronautTest(transactional = false)
@Property(name = "registry.demo.enabled", value = "true")
class PortalPublicApiTest {
    @Inject EmbeddedServer server;
    @Inject JsonMapper json;

    private Map<String, Object> get(String path, int status) throws IOException {
        HttpResponse<String> response = new WebClient(server.getURI()).getJson(path);
        assertEquals(status, response.statusCode(), response.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(response.body(), Map.class);
        return body;
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    @Test
    void search_finds_a_misspelled_agency_with_exactly_the_documented_fields() throws IOException {
        Map<String, Object> body = get("/api/v1/public/search?q=" + encode("Bluewatter Demo Manpower Servises") + "&type=AGENCY", 200);

        assertEquals("Bluewatter Demo Manpower Servises", body.get("query"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) body.get("results")).get(0);
        assertEquals(Set.of("id", "type", "name", "matchedName", "score", "verdict", "licenceNumber", "licenceStatus",
                "validUntil", "blacklisted", "url"), first.keySet());
        assertEquals("agency-1", first.get("id"));
        assertEquals("AGENCY", first.get("type"));
        assertEquals("Bluewater Demo Manpower Services Inc.", first.get("name"));
        assertEquals("RA-2024-0001", first.get("licenceNumber"));
        assertEquals("ACTIVE", first.get("licenceStatus"));
        assertEquals("2028-03-12", first.get("validUntil"));
        assertEquals(false, first.get("blacklisted"));
        assertEquals("/agencies/1", first.get("url"));
        double score = ((Number) first.get("score")).doubleValue();
        assertTrue(score > 0 && score <= 1, "score " + score);
    }

    @Test
    void search_finds_a_blacklisted_person_by_the_native_script_name() throws IOException {
        Map<String, Object> body = get("/api/v1/public/search?q=" + encode("रमेश उदाहरण थापा") + "&type=PERSON", 200);

        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) body.get("results")).get(0);
        assertEquals("blacklist-2", first.get("id"));
        assertEquals("PERSON", first.get("type"));
        assertEquals("Ramesh Example Thapa", first.get("name"));
        assertEquals(true, first.get("blacklisted"));
        assertEquals("MATCH", first.get("verdict"));
    }

    @Test
    void search_by_licence_number_puts_that_agency_first() throws IOException {
        Map<String, Object> body = get("/api/v1/public/search?q=" + encode("ra 2023 0002"), 200);

        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) body.get("results")).get(0);
        assertEquals("agency-2", first.get("id"));
        assertEquals("SUSPENDED", first.get("licenceStatus"));
    }

    @Test
    void search_for_an_unknown_name_returns_no_results() throws IOException {
        assertEquals(List.of(), get("/api/v1/public/search?q=" + encode("Zyxwv Qwerty Holdings"), 200).get("results"));
    }

    @Test
    void agency_detail_shows_licence_history_listings_and_only_substantiated_complaints() throws IOException {
        Map<String, Object> suspended = get("/api/v1/public/agencies/2", 200);

        assertEquals("Himalaya Example Overseas Pvt. Ltd.", suspended.get("legalName"));
        @SuppressWarnings("unchecked")
        Map<String, Object> licence = (Map<String, Object>) suspended.get("licence");
        assertEquals(Map.of("number", "RA-2023-0002", "status", "SUSPENDED", "validFrom", "2023-06-01",
                "validUntil", "2027-06-01"), Map.of("number", licence.get("number"), "status", licence.get("status"),
                "validFrom", licence.get("validFrom"), "validUntil", licence.get("validUntil")));
        assertEquals(2, ((List<?>) suspended.get("statusHistory")).size());
        assertEquals(1, ((Number) suspended.get("substantiatedComplaints")).intValue());
        assertTrue(suspended.containsKey("branches") && suspended.containsKey("sanctions"));
        // agency 8 has only an unsubstantiated complaint, which the public never sees
        assertEquals(0, ((Number) get("/api/v1/public/agencies/8", 200).get("substantiatedComplaints")).intValue());

        Map<String, Object> revoked = get("/api/v1/public/agencies/3", 200);
        assertEquals("BLACKLISTED", revoked.get("standing"));
        assertEquals(1, ((List<?>) revoked.get("blacklistEntries")).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RA-2024-0001", "ra-2024-0001", "RA 2024 0001", "ra2024/0001", "RA.2024.0001"})
    void licence_lookup_ignores_case_and_punctuation(String number) throws IOException {
        Map<String, Object> body = get("/api/v1/public/licences/" + encode(number).replace("+", "%20"), 200);

        assertEquals("RA-2024-0001", body.get("licenceNumber"));
        assertEquals("ACTIVE", body.get("status"));
        assertEquals("LICENSED", body.get("standing"));
        @SuppressWarnings("unchecked")
        Map<String, Object> agency = (Map<String, Object>) body.get("agency");
        assertEquals(1, ((Number) agency.get("id")).intValue());
    }

    @Test
    void licence_lookup_gives_the_terms_and_the_standing_with_any_listing() throws IOException {
        Map<String, Object> active = get("/api/v1/public/licences/RA-2024-0001", 200);
        Map<String, Object> revoked = get("/api/v1/public/licences/RA-2021-0003", 200);

        assertEquals("2024-03-12", active.get("validFrom"));
        assertEquals("Deployment to GCC countries only.", active.get("conditions"));
        assertEquals("REVOKED", revoked.get("status"));
        assertEquals("BLACKLISTED", revoked.get("standing"), "the listing outranks the licence, as on the agency page");
    }

    @Test
    void unknown_licence_and_agency_are_problem_json_404() {
        for (String path : List.of("/api/v1/public/licences/RA-9999-9999", "/api/v1/public/agencies/9999")) {
            HttpResponse<String> response = new WebClient(server.getURI()).getJson(path);
            assertEquals(404, response.statusCode(), path);
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow(), path);
            assertTrue(response.body().contains("\"status\":404"), response.body());
        }
    }

    @Test
    void blacklist_lists_current_entries_without_identity_documents_and_matches_by_alias() throws IOException {
        Map<String, Object> all = get("/api/v1/public/blacklist", 200);
        List<?> entries = (List<?>) all.get("results");
        assertEquals(4, entries.size());
        assertFalse(json.writeValueAsString(all).contains("NPDEMO1234567"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> named = (List<Map<String, Object>>) get("/api/v1/public/blacklist?q=" + encode("Mariah Santos"), 200).get("results");
        assertEquals("Maria Demo Santos", named.get(0).get("name"));
        assertEquals(List.of("Mariah Santos"), named.get(0).get("aliases"));
    }
}
