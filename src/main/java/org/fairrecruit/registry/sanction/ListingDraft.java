package org.fairrecruit.registry.sanction;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A proposed blacklist entry, carried in its proposal until a second person approves it.
 *
 * @param subjectType AGENCY (a registered agency, {@code agencyId}) or PERSON
 * @param aliases     other spellings, including native-script names
 */
@Serdeable
public record ListingDraft(String subjectType, Long agencyId, String name, List<String> aliases, String nationality,
                           Integer birthYear, String idDocument, String reasonCategory, String caseReference,
                           LocalDate listedOn, LocalDate expiresOn) {

    static final String ID_DOCUMENT = "idDocument";
    public static final List<String> SUBJECT_TYPES = List.of("PERSON", "AGENCY");
    public static final List<String> REASONS = List.of("ILLEGAL_RECRUITMENT", "PROHIBITED_FEES",
            "OFFICER_OF_REVOKED_AGENCY", "TRAFFICKING", "FRAUD");

    Map<String, String> toDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "subjectType", subjectType);
        put(details, "agencyId", agencyId);
        put(details, "name", name);
        put(details, "aliases", String.join("\n", aliases));
        put(details, "nationality", nationality == null ? null : nationality.strip().toUpperCase(Locale.ROOT));
        put(details, "birthYear", birthYear);
        put(details, ID_DOCUMENT, idDocument);
        put(details, "reasonCategory", reasonCategory);
        put(details, "caseReference", caseReference);
        put(details, "listedOn", listedOn);
        put(details, "expiresOn", expiresOn);
        return details;
    }

    static ListingDraft fromDetails(Map<String, String> d) {
        return new ListingDraft(d.get("subjectType"), d.containsKey("agencyId") ? Long.valueOf(d.get("agencyId")) : null,
                d.get("name"), d.getOrDefault("aliases", "").isEmpty() ? List.of() : List.of(d.get("aliases").split("\n")),
                d.get("nationality"), d.containsKey("birthYear") ? Integer.valueOf(d.get("birthYear")) : null,
                d.get(ID_DOCUMENT), d.get("reasonCategory"), d.get("caseReference"),
                d.containsKey("listedOn") ? LocalDate.parse(d.get("listedOn")) : null,
                d.containsKey("expiresOn") ? LocalDate.parse(d.get("expiresOn")) : null);
    }

    private static void put(Map<String, String> details, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            details.put(key, value.toString().strip());
        }
    }
}
