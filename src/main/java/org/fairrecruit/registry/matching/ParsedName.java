package org.fairrecruit.registry.matching;

import java.util.List;

/** A name read as tokens, in the way of one entity type (legal forms mean something only for agencies). */
record ParsedName(String written, EntityType type, List<Token> tokens) {
}
