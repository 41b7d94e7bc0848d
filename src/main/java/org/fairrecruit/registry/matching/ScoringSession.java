package org.fairrecruit.registry.matching;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one search learns while scoring its candidates: which words the registry knows (the
 * index changes, so this is asked once per search), and token comparisons (spellings, and
 * nicknames of given names), which depend on the words alone.
 * Not shared between threads: used on the thread that made it.
 */
final class ScoringSession {

    /**
     * Comparisons of two words in this search: a pure function of the words, and the same words meet
     * in candidate after candidate ("Manpower" and "Services", "Mohammad" and "Muhammad"). Kept per
     * search rather than shared: a shared map, emptied whenever full, cost more in lookups than it saved.
     */
    private final Map<Compared, TokenSimilarity.Result> compared = new HashMap<>();
    private final Predicate<String> knownWord;
    private final Lexicon lexicon;
    private final Map<String, Boolean> known = new HashMap<>();
    private final Edits.Table table = Edits.Table.ofThisThread();

    ScoringSession(Predicate<String> knownWord, Lexicon lexicon) {
        this.knownWord = knownWord;
        this.lexicon = lexicon;
    }

    /** Whether some registered name has this word; near spellings of it are then other names. */
    boolean isKnown(String word) {
        return known.computeIfAbsent(word, knownWord::test);
    }

    /** @param atLeast the lowest score the caller can use (see {@link TokenSimilarity#compare(String, String, EntityType, double, Edits.Table)}) */
    TokenSimilarity.Result compare(String query, String candidate, EntityType type, double atLeast) {
        if (query.equals(candidate)) {
            return TokenSimilarity.Result.SAME;
        }
        Compared key = new Compared(type, atLeast, query, candidate);
        TokenSimilarity.Result known = compared.get(key);
        if (known == null) {
            known = compareWords(query, candidate, type, atLeast);
            compared.put(key, known);
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
        TokenSimilarity.Result spelling = TokenSimilarity.compare(query, candidate, type, atLeast, table);
        return type == EntityType.PERSON && spelling.score() < TokenSimilarity.NICKNAME && lexicon.nicknames(query, candidate)
                ? new TokenSimilarity.Result(TokenSimilarity.NICKNAME, TokenSimilarity.Way.NICKNAME, 0) : spelling;
    }
}
