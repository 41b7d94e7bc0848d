package org.fairrecruit.registry.opendata;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.support.RegisterWrites;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The licence register and blacklist files, on the demo data (one licence in every status, four listings). */
@MicronautTest(transactional = false)
@Property(name = "registry.demo.enabled", value = "true")
class OpenDataFilesTest {
    private final HttpClient http = HttpClient.newHttpClient();
    @Inject EmbeddedServer server;
    @Inject JsonMapper json;
    @Inject RegisterWrites register;

    private HttpResponse<String> get(String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).GET();
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode jsonOf(String path) throws IOException {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), response.body());
        return json.readValue(response.body(), JsonNode.class);
    }

    private static List<String> ids(JsonNode records) {
        List<String> ids = new ArrayList<>();
        records.values().forEach(record -> ids.add(record.get("id").getStringValue()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.values().forEach(value -> strings.add(value.getStringValue()));
        return strings;
    }

    private static List<CSVRecord> csv(String body) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(body)).getRecords();
    }

    @Test
    void licence_register_publishes_every_numbered_licence_and_no_application() throws IOException {
        JsonNode file = jsonOf("/opendata/licences.json");

        assertTrue(file.get("generatedAt").getStringValue().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), file.toString());
        assertEquals(List.of("licence-RA-2024-0001", "licence-RA-2023-0002", "licence-RA-2021-0003",
                "licence-RA-2020-0004", "licence-RA-2022-0005", "licence-RA-2025-0008"), ids(file.get("licences")));
        JsonNode first = file.get("licences").get(0);
        assertEquals("ACTIVE", first.get("status").getStringValue());
        assertEquals("2028-03-12", first.get("validUntil").getStringValue());
        assertEquals("agency-1", first.get("agencyId").getStringValue());
        assertEquals("Bluewater Jobs", first.get("agencyTradeNames").get(0).getStringValue());
        assertTrue(first.get("agencyUrl").getStringValue().endsWith("/agencies/1"));
    }

    @Test
    void licence_csv_has_the_same_records_as_the_json_with_a_header_row() throws IOException {
        HttpResponse<String> response = get("/opendata/licences.csv");

        assertEquals("text/csv; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().startsWith("id,licenceNumber,status,validFrom,validUntil,conditions,agencyId,"));
        List<CSVRecord> records = csv(response.body());
        assertEquals(ids(jsonOf("/opendata/licences.json").get("licences")),
                records.stream().map(r -> r.get("id")).toList());
        assertEquals("Deployment to GCC countries only.", records.get(0).get("conditions"));
    }

    @Test
    void blacklist_lists_only_listings_in_force_and_masks_identity_documents() throws IOException {
        register.write(EntityKind.BLACKLIST_ENTRY, 5, """
                INSERT INTO blacklist_entry (id, subject_type, name, reason_category, legal_basis, listed_on, expires_on,
                    created_at) VALUES (5, 'PERSON', 'Expired Demo Person', 'ILLEGAL_RECRUITMENT', 'Demo Act s. 6',
                    '2020-01-01', CURRENT_DATE - INTERVAL 1 DAY, NOW(6))""");
        register.write(EntityKind.BLACKLIST_ENTRY, 6, """
                INSERT INTO blacklist_entry (id, subject_type, name, reason_category, legal_basis, listed_on, expires_on,
                    created_at) VALUES (6, 'PERSON', 'Lastday Demo Person', 'ILLEGAL_RECRUITMENT', 'Demo Act s. 6',
                    '2020-01-01', CURRENT_DATE, NOW(6))""");
        register.write(EntityKind.BLACKLIST_ENTRY, 3,
                "UPDATE blacklist_entry SET delisted_on = CURRENT_DATE, delisting_reason = 'appeal upheld' WHERE id = 3");

        HttpResponse<String> response = get("/opendata/blacklist.json");
        JsonNode listings = json.readValue(response.body(), JsonNode.class).get("listings");

        assertEquals(List.of("blacklist-1", "blacklist-2", "blacklist-4", "blacklist-6"), ids(listings));
        JsonNode ramesh = listings.get(1);
        assertEquals("NPD****67", ramesh.get("idDocument").getStringValue());
        assertEquals(List.of("रमेश उदाहरण थापा", "Ramesh Thapa Magar"), strings(ramesh.get("aliases")));
        assertEquals("agency-3", listings.get(0).get("agencyId").getStringValue());
        for (String file : List.of("/opendata/blacklist.json", "/opendata/blacklist.csv", "/opendata/blacklist.ftm.json")) {
            String body = get(file).body();
            assertFalse(body.contains("NPDEMO1234567") || body.contains("DEMO-CASE") || body.contains("appeal upheld")
                    || body.contains("Collected money") || body.contains("Expired Demo Person"), file + ": " + body);
        }
        assertEquals(List.of("blacklist-1", "blacklist-2", "blacklist-4", "blacklist-6"),
                csv(get("/opendata/blacklist.csv").body()).stream().map(r -> r.get("id")).toList());
    }

    @Test
    void unchanged_file_is_answered_with_304_and_a_change_gives_a_new_etag() {
        HttpResponse<String> first = get("/opendata/licences.json");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> byEtag = get("/opendata/licences.json", "If-None-Match", etag);
        HttpResponse<String> byDate = get("/opendata/blacklist.csv", "If-Modified-Since", lastModified);
        assertEquals(304, byEtag.statusCode());
        assertEquals("", byEtag.body());
        assertEquals(etag, byEtag.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, byDate.statusCode());

        register.write(EntityKind.AGENCY, 1, "UPDATE agency SET address = '14 Example Street, Makati City' WHERE id = 1");

        HttpResponse<String> changed = get("/opendata/licences.json", "If-None-Match", etag);
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
        assertTrue(changed.body().contains("14 Example Street"));
    }

    @Test
    void open_data_page_explains_every_file_in_the_readers_language() {
        HttpResponse<String> english = get("/opendata", "Accept", "text/html");
        HttpResponse<String> nepali = get("/opendata?lang=ne", "Accept", "text/html");

        assertEquals(200, english.statusCode(), english.body());
        for (String file : List.of("licences.csv", "licences.json", "blacklist.csv", "blacklist.json",
                "blacklist.ftm.json", "changes.atom")) {
            assertTrue(english.body().contains("href=\"/opendata/" + file + "\""), file);
        }
        assertTrue(english.body().contains("CC-BY-4.0") && english.body().contains("agencyRegistrationNumber"));
        assertTrue(nepali.body().contains("खुला तथ्याङ्क"), nepali.body());
        assertFalse(nepali.body().contains("??"), "a message key is missing");
    }
}
