package org.fairrecruit.registry.screening;

import org.fairrecruit.registry.database.Column;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.util.Locale;
import java.util.Set;

/**
 * One name to screen. {@code type} AGENCY, PERSON or ANY (blank: ANY); {@code country} ISO 3166-1
 * alpha-2; both {@code country} and {@code licenceNumber} are optional and move the score.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ScreeningQuery(@Nullable String ref, @Nullable String name, @Nullable String type,
                             @Nullable String country, @Nullable String licenceNumber) {
    private static final Set<String> TYPES = Set.of("AGENCY", "PERSON", "ANY");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Adds this query's refusals to {@code errors}, each field named {@code prefix + field}. */
    void check(InvalidInput.Collector errors, String prefix) {
        errors.text(prefix + "ref", ref, Column.SCREENING_REF)
                .text(prefix + "name", name, Column.SCREENING_NAME)
                .require(type == null || type.isBlank() || TYPES.contains(type.strip().toUpperCase(Locale.ROOT)),
                        prefix + "type", "screening.type.invalid")
                .require(country == null || country.isBlank() || COUNTRIES.contains(country.strip().toUpperCase(Locale.ROOT)),
                        prefix + "country", "field.country")
                .optionalText(prefix + "licenceNumber", licenceNumber, Column.LICENCE_NUMBER);
    }

    /** The same query with blanks as nulls, trimmed and in upper case where case does not matter. */
    ScreeningQuery normalised() {
        return new ScreeningQuery(ref.strip(), name.strip(), type == null || type.isBlank() ? "ANY"
                : type.strip().toUpperCase(Locale.ROOT), blankToNull(country, true), blankToNull(licenceNumber, false));
    }

    @Nullable
    EntityType entityType() {
        return "ANY".equals(type) ? null : EntityType.valueOf(type);
    }

    private static String blankToNull(String text, boolean upper) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return upper ? text.strip().toUpperCase(Locale.ROOT) : text.strip();
    }
}
