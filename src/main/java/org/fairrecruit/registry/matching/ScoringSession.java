package org.fairrecruit.registry.matching;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one search learns while scoring its candidates: token comparisons and which words the
 * registry knows. The candidates of a search share most of their words ("Manpower", "Bahadur"),
 * so each pair of words is compared once. Not shared between threads.
 */
final class ScoringSession {

    private final Predicate<String> knownWord;
    private final Map<String, Boolean> known = new HashMap<>();
    private final Map<String, TokenSimilarity.Result> compared = new HashMap<>();

    ScoringSession(Predicate<String> knownWord) {
        this.knownWord = knownWord;
    }

    /** Whether some registered name has this word; near spellings of it are then other names. */
    boolean isKnown(String word) {
        return known.computeIfAbsent(word, knownWord::test);
    }

    TokenSimilarity.Result compare(String query, String candidate, EntityType type) {
        if (query.equals(candidate)) {
            return TokenSimilarity.Result.SAME;
        }
        return compared.computeIfAbsent(type.ordinal() + query + '\u0000' + candidate,
                key -> TokenSimilarity.compare(query, candidate, type));
    }
}
