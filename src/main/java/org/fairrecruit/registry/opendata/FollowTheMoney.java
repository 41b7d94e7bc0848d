package org.fairrecruit.registry.opendata;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.sanction.PublicListing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The blacklist as FollowTheMoney entities, one JSON object per line, as sanctions-screening tools
 * (OpenSanctions, yente, Aleph) ingest them: the listed Person or Company, and a Sanction whose
 * {@code entity} points at it. Property names and types follow the upstream schema definitions
 * (followthemoney/schema/*.yaml; the test checks every emitted property against them): dates ISO,
 * countries lowercase ISO codes, every value a list of strings.
 *
 * Ids: the Sanction is the listing ({@code blacklist-<id>}); its subject is the registered agency
 * ({@code agency-<id>}, emitted once however many listings it has) or {@code blacklist-<id>-subject}.
 * The masked identity document is left out: it is not an identifier any tool could match on.
 */
@Singleton
class FollowTheMoney {
    // A listed recruiter is barred from recruiting: FtM's topic for that is "debarment".
    private static final String TOPIC = "debarment";
    private final JsonMapper json;
    private final OpenDataSettings settings;
    private final String baseUrl;

    FollowTheMoney(JsonMapper json, OpenDataSettings settings, @Property(name = "registry.base-url") String baseUrl) {
        this.json = json;
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    byte[] render(List<PublicListing> listings) {
        Map<String, Entity> entities = new LinkedHashMap<>();
        for (PublicListing listing : listings) {
            Entity subject = subject(listing);
            entities.merge(subject.id(), subject, Entity::merge);
            Entity sanction = sanction(listing, subject.id());
            entities.put(sanction.id(), sanction);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Entity entity : entities.values()) {
                out.write(json.writeValueAsBytes(entity.asJson()));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Entity subject(PublicListing listing) {
        String id = listing.agencyId() != null ? OpenDataRecords.agencyId(listing.agencyId())
                : OpenDataRecords.listingId(listing.id()) + "-subject";
        Entity entity = new Entity(id, listing.isPerson() ? "Person" : "Company")
                .put("name", listing.name())
                .put("topics", TOPIC);
        listing.aliases().forEach(alias -> entity.put("alias", alias));
        String country = country(listing.nationality());
        if (listing.isPerson()) {
            entity.put("nationality", country);
            entity.put("birthDate", listing.birthYear() == null ? null : listing.birthYear().toString());
        } else {
            entity.put("country", country);
            entity.put("jurisdiction", country);
            entity.put("registrationNumber", listing.agencyRegistrationNumber());
        }
        if (listing.agencyId() != null) {
            entity.put("sourceUrl", baseUrl + "/agencies/" + listing.agencyId());
        }
        return entity;
    }

    private Entity sanction(PublicListing listing, String subjectId) {
        return new Entity(OpenDataRecords.listingId(listing.id()), "Sanction")
                .put("entity", subjectId)
                .put("authority", settings.publisher())
                .put("country", country(settings.publisherCountry()))
                .put("program", settings.program())
                .put("reason", listing.reasonCategory())
                .put("description", listing.legalBasis())
                .put("listingDate", listing.listedOn().toString())
                .put("startDate", listing.listedOn().toString())
                .put("endDate", listing.expiresOn() == null ? null : listing.expiresOn().toString())
                .put("sourceUrl", baseUrl + "/opendata/blacklist.json");
    }

    private static String country(String code) {
        return code == null || code.isBlank() ? null : code.toLowerCase(Locale.ROOT);
    }

    private record Entity(String id, String schema, Map<String, Set<String>> properties) {
        Entity(String id, String schema) {
            this(id, schema, new LinkedHashMap<>());
        }

        Entity put(String property, String value) {
            if (value != null && !value.isBlank()) {
                properties.computeIfAbsent(property, p -> new LinkedHashSet<>()).add(value);
            }
            return this;
        }

        Entity merge(Entity other) {
            other.properties.forEach((property, values) -> values.forEach(value -> put(property, value)));
            return this;
        }

        Map<String, Object> asJson() {
            Map<String, Object> properties = new LinkedHashMap<>();
            this.properties.forEach((property, values) -> properties.put(property, new ArrayList<>(values)));
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("id", id);
            entity.put("schema", schema);
            entity.put("properties", properties);
            return entity;
        }
    }
}
