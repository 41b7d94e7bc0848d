package org.fairrecruit.registry.matching;

/**
 * @param matchedName the entity's name that met the query (legal name, trade name, alias, ...)
 * @param score       0..1
 * @param explanation what was forgiven, in words, e.g. "legal form ignored; 'Mohd' read as 'Mohammad'"
 */
public record Match(String id, EntityType type, String matchedName, double score, Verdict verdict, String explanation) {
}
