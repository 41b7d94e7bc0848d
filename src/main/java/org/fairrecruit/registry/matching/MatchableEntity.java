package org.fairrecruit.registry.matching;

import java.util.List;
import java.util.Objects;

/**
 * Something that can be found by name: an agency with its legal name, trade names, aliases, former
 * and native-script names, or a person with theirs. Any of the names can match.
 *
 * @param country ISO 3166-1 alpha-2 code, or null when unknown
 */
public record MatchableEntity(String id, EntityType type, List<String> names, String country) {
    public MatchableEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        names = List.copyOf(names);
    }
}
