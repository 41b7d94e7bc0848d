package org.fairrecruit.registry.matching;

import java.util.Set;

/**
 * A name to look for, and what else the asker knows about whom it names. The other signals are
 * optional; screening passes them to tell apart different people of the same name.
 *
 * @param type        null searches agencies and persons alike
 * @param country     ISO 3166-1 alpha-2 code or null; a different registered country lowers the score a little
 * @param birthYear   year of birth or null; a registered year more than a year off lowers the score below MATCH
 * @param identifiers identity document or registration numbers, in any spacing; one shared with the
 *                    registered entity makes a similar name a MATCH
 */
public record MatchQuery(String name, EntityType type, String country, Integer birthYear, Set<String> identifiers) {

    public MatchQuery {
        identifiers = identifiers == null ? Set.of() : Set.copyOf(identifiers);
    }

    public MatchQuery(String name, EntityType type, String country) {
        this(name, type, country, null, Set.of());
    }
}
