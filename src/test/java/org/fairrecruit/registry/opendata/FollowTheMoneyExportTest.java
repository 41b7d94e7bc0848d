package org.fairrecruit.registry.opendata;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * blacklist.ftm.json against the upstream FollowTheMoney schema definitions, kept in
 * src/test/resources/opendata/ftm-schema-properties.properties (source noted there).
 */
@MicronautTest(transactional = false)
@Property(name = "registry.demo.enabled", value = "true")
@Property(name = "registry.opendata.publisher-country", value = "PH")
class FollowTheMoneyExportTest {
    private static final Set<String> DATES = Set.of("birthDate", "listingDate", "startDate", "endDate");
    private static final Set<String> COUNTRIES = Set.of("country", "nationality", "jurisdiction");
    @Inject EmbeddedServer server;
    @Inject JsonMapper json;

    private List<JsonNode> entities() throws IOException {
        HttpResponse<String> response = new WebClient(server.getURI()).getJson("/opendata/blacklist.ftm.json");
        assertEquals(200, response.statusCode(), response.body());
        List<JsonNode> entities = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            entities.add(json.readValue(line, JsonNode.class));
        }
        return entities;
    }

    private static Properties schemas() throws IOException {
        Properties schemas = new Properties();
        try (InputStream in = FollowTheMoneyExportTest.class.getResourceAsStream("/opendata/ftm-schema-properties.properties")) {
            schemas.load(in);
        }
        return schemas;
    }

    private static Set<String> list(Properties schemas, String key) {
        return Set.of(schemas.getProperty(key).split(","));
    }

    @Test
    void every_property_is_one_the_upstream_schema_defines_and_required_ones_are_present() throws IOException {
        Properties schemas = schemas();
        List<String> wrong = new ArrayList<>();
        for (JsonNode entity : entities()) {
            String schema = entity.get("schema").getStringValue();
            String id = entity.get("id").getStringValue();
            if (schemas.getProperty(schema + ".properties") == null) {
                wrong.add(id + ": schema " + schema + " is not one we checked");
                continue;
            }
            Set<String> emitted = new HashSet<>();
            entity.get("properties").entries().forEach(e -> {
                emitted.add(e.getKey());
                if (!list(schemas, schema + ".properties").contains(e.getKey())) {
                    wrong.add(id + ": " + schema + " has no property " + e.getKey());
                }
                if (!e.getValue().isArray() || e.getValue().size() == 0) {
                    wrong.add(id + ": " + e.getKey() + " is not a non-empty list");
                }
                e.getValue().values().forEach(v -> {
                    String value = v.getStringValue();
                    if (DATES.contains(e.getKey()) && !value.matches("\\d{4}(-\\d\\d(-\\d\\d)?)?")) {
                        wrong.add(id + ": " + e.getKey() + " is not an ISO date: " + value);
                    }
                    if (COUNTRIES.contains(e.getKey()) && !value.matches("[a-z]{2}")) {
                        wrong.add(id + ": " + e.getKey() + " is not a lowercase country code: " + value);
                    }
                });
            });
            list(schemas, schema + ".required").stream().filter(p -> !emitted.contains(p))
                    .forEach(p -> wrong.add(id + ": required " + p + " missing"));
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void each_listing_is_a_sanction_pointing_at_its_listed_person_or_company() throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        entities().forEach(e -> byId.put(e.get("id").getStringValue(), e));

        JsonNode sanction = byId.get("blacklist-2");
        assertEquals("Sanction", sanction.get("schema").getStringValue());
        String subjectId = sanction.get("properties").get("entity").get(0).getStringValue();
        JsonNode person = byId.get(subjectId);
        assertEquals("Person", person.get("schema").getStringValue());
        assertEquals("Ramesh Example Thapa", person.get("properties").get("name").get(0).getStringValue());
        assertEquals("1979", person.get("properties").get("birthDate").get(0).getStringValue());
        assertEquals("np", person.get("properties").get("nationality").get(0).getStringValue());
        assertEquals("ph", sanction.get("properties").get("country").get(0).getStringValue());
        assertEquals("2025-07-01", sanction.get("properties").get("listingDate").get(0).getStringValue());

        JsonNode agency = byId.get(byId.get("blacklist-1").get("properties").get("entity").get(0).getStringValue());
        assertEquals("agency-3", agency.get("id").getStringValue());
        assertEquals("Company", agency.get("schema").getStringValue());
        assertEquals("DEMO-ID-0003", agency.get("properties").get("registrationNumber").get(0).getStringValue());
        assertEquals(8, byId.size(), "four listings, four subjects");
    }
}
