package org.fairrecruit.registry.matching;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one search learns while scoring its candidates: token comparisons (spellings, and
 * nicknames of given names) and which words the registry knows. The candidates of a search share most of their words ("Manpower", "Bahadur"),
 * so each pair of words is compared once. Not shared between threads.
 */
final class ScoringSession {

    private final Predicate<String> knownWord;
    private final Lexicon lexicon;
    private final Map<String, Boolean> known = new HashMap<>();
    private final Map<String, TokenSimilarity.Result> compared = new HashMap<>();

    ScoringSession(Predicate<String> knownWord, Lexicon lexicon) {
        this.knownWord = knownWord;
        this.lexicon = lexicon;
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
                key -> compareWords(query, candidate, type));
    }

    private TokenSimilarity.Result compareWords(String query, String candidate, EntityType type) {
        // "Junior" and "Senior", "Second" and "Third" are spelt alike and name different people.
        if (lexicon.isNumber(query) && lexicon.isNumber(candidate)) {
            return TokenSimilarity.Result.NONE;
        }
        TokenSimilarity.Result spelling = TokenSimilarity.compare(query, candidate, type);
        return type == EntityType.PERSON && spelling.score() < TokenSimilarity.NICKNAME && lexicon.nicknames(query, candidate)
                ? new TokenSimilarity.Result(TokenSimilarity.NICKNAME, TokenSimilarity.Way.NICKNAME, 0) : spelling;
    }
}
