package org.fairrecruit.registry.matching;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What one search learns while scoring its candidates: which words the registry knows (the
 * index changes, so this is asked once per search), and token comparisons (spellings, and
 * nicknames of given names), which depend on the words alone and are kept for every search.
 * Not shared between threads.
 */
final class ScoringSession {

    /**
     * Comparisons of two words, shared by all searches: a pure function of the words (and of the one
     * lexicon NameMatcher loads), and the same words meet in search after search ("Manpower" and
     * "Services", "Mohammad" and "Muhammad").
     * Emptied when full, which bounds its heap; nothing in it must agree across replicas.
     */
    private static final Map<Compared, TokenSimilarity.Result> COMPARED = new ConcurrentHashMap<>();
    private static final int MOST_COMPARED = 100_000;

    private final Predicate<String> knownWord;
    private final Lexicon lexicon;
    private final Map<String, Boolean> known = new HashMap<>();

    ScoringSession(Predicate<String> knownWord, Lexicon lexicon) {
        this.knownWord = knownWord;
        this.lexicon = lexicon;
    }

    /** Whether some registered name has this word; near spellings of it are then other names. */
    boolean isKnown(String word) {
        return known.computeIfAbsent(word, knownWord::test);
    }

    /** @param atLeast the lowest score the caller can use (see {@link TokenSimilarity#compare(String, String, EntityType, double)}) */
    TokenSimilarity.Result compare(String query, String candidate, EntityType type, double atLeast) {
        if (query.equals(candidate)) {
            return TokenSimilarity.Result.SAME;
        }
        Compared key = new Compared(type, atLeast, query, candidate);
        TokenSimilarity.Result known = COMPARED.get(key);
        if (known == null) {
            known = compareWords(query, candidate, type, atLeast);
            if (COMPARED.size() >= MOST_COMPARED) {
                COMPARED.clear();
            }
            COMPARED.put(key, known);
        }
        return known;
    }

    /** A record rather than a joined string: no text of the threshold built per comparison. */
    private record Compared(EntityType type, double atLeast, String query, String candidate) {
    }

    private TokenSimilarity.Result compareWords(String query, String candidate, EntityType type, double atLeast) {
        // "Junior" and "Senior", "Second" and "Third" are spelt alike and name different people.
        if (lexicon.isNumber(query) && lexicon.isNumber(candidate)) {
            return TokenSimilarity.Result.NONE;
        }
        TokenSimilarity.Result spelling = TokenSimilarity.compare(query, candidate, type, atLeast);
        return type == EntityType.PERSON && spelling.score() < TokenSimilarity.NICKNAME && lexicon.nicknames(query, candidate)
                ? new TokenSimilarity.Result(TokenSimilarity.NICKNAME, TokenSimilarity.Way.NICKNAME, 0) : spelling;
    }
}
