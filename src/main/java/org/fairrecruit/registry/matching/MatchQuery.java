package org.fairrecruit.registry.matching;

/**
 * @param type    null searches agencies and persons alike
 * @param country ISO 3166-1 alpha-2 code or null; a different registered country lowers the score a little
 */
public record MatchQuery(String name, EntityType type, String country) {
}
