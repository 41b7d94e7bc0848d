package org.fairrecruit.registry.matching;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Something that can be found by name: an agency with its legal name, trade names, aliases, former
 * and native-script names, or a person with theirs. Any of the names can match.
 *
 * @param country     ISO 3166-1 alpha-2 code, or null when unknown
 * @param birthYear   a person's year of birth, or null when unknown
 * @param identifiers identity document or registration numbers, in any spacing; empty when unknown
 */
public record MatchableEntity(String id, EntityType type, List<String> names, String country, Integer birthYear,
                              Set<String> identifiers) {
    public MatchableEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        names = List.copyOf(names);
        identifiers = identifiers == null ? Set.of() : Set.copyOf(identifiers);
    }

    public MatchableEntity(String id, EntityType type, List<String> names, String country) {
        this(id, type, names, country, null, Set.of());
    }
}
