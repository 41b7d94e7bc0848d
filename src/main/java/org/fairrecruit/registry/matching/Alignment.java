package org.fairrecruit.registry.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which words of a query name were paired with which words of a candidate name, and how alike
 * each pair is. Pairs are chosen best first, each word used once; one side may write two or three
 * words as one ("Dela Cruz"/"Delacruz", "Van Der Berg"/"Vanderberg"), initials together or apart
 * ("AK"/"A K", "A.K."/"Anil Kumar"), or put a space one letter off
 * ("Unite dWave"/"United Wave").
 */
final class Alignment {

    /**
     * Most a near spelling counts when the query word is itself a name the registry knows:
     * "Santoso" is a surname of its own, not a misspelling of "Santos".
     */
    private static final double KNOWN_OTHER_NAME = 0.5;
    /** Writing two words as one must be nearly exact, or "Ram" + "Bahadur" would pair with anything long. */
    private static final double MERGED_WORDS = 0.85;
    private static final int MOST_MERGED = 3;
    /** Most initials written as one word: "AKM" for Abul Kalam Mohammad. */
    private static final int MOST_INITIALS = 4;

    /** Tokens from (inclusive) to (exclusive) of one name. */
    record Span(int from, int to) {
        int size() {
            return to - from;
        }

        boolean overlaps(boolean[] used) {
            for (int k = from; k < to; k++) {
                if (used[k]) {
                    return true;
                }
            }
            return false;
        }

        void mark(boolean[] used) {
            for (int k = from; k < to; k++) {
                used[k] = true;
            }
        }
    }

    record Pair(Span query, Span candidate, TokenSimilarity.Result similarity, double weight) {
    }

    final ParsedName query;
    final ParsedName candidate;
    /** In the order of the query's words. */
    final List<Pair> pairs;
    final boolean[] queryPaired;
    final boolean[] candidatePaired;

    private Alignment(ParsedName query, ParsedName candidate, List<Pair> pairs, boolean[] queryPaired, boolean[] candidatePaired) {
        this.query = query;
        this.candidate = candidate;
        this.pairs = pairs;
        this.queryPaired = queryPaired;
        this.candidatePaired = candidatePaired;
    }

    static Alignment of(ParsedName query, ParsedName candidate, ScoringSession session) {
        List<Token> q = query.tokens();
        List<Token> c = candidate.tokens();
        boolean[] qUsed = new boolean[q.size()];
        boolean[] cUsed = new boolean[c.size()];
        List<Pair> chosen = new ArrayList<>();
        for (Pair pair : possiblePairs(q, c, candidate.type(), session)) {
            if (!pair.query.overlaps(qUsed) && !pair.candidate.overlaps(cUsed)) {
                pair.query.mark(qUsed);
                pair.candidate.mark(cUsed);
                chosen.add(pair);
            }
        }
        chosen.sort(Comparator.comparingInt(p -> p.query.from));
        return new Alignment(query, candidate, chosen, qUsed, cUsed);
    }

    /** Whether the paired words, legal forms aside, come in another order in the candidate. */
    boolean orderDiffers() {
        int last = -1;
        for (Pair pair : pairs) {
            if (!hasKind(query.tokens(), pair.query, Token.Kind.LEGAL)) {
                if (pair.candidate.from < last) {
                    return true;
                }
                last = pair.candidate.from;
            }
        }
        return false;
    }

    private static List<Pair> possiblePairs(List<Token> q, List<Token> c, EntityType type, ScoringSession session) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                add(pairs, q, new Span(i, i + 1), c, new Span(j, j + 1), type, session);
                // Up to three words written as one: "Van Der Berg"/"Vanderberg".
                for (int words = 2; words <= MOST_MERGED; words++) {
                    if (i + words <= q.size()) {
                        add(pairs, q, new Span(i, i + words), c, new Span(j, j + 1), type, session);
                    }
                    if (j + words <= c.size()) {
                        add(pairs, q, new Span(i, i + 1), c, new Span(j, j + words), type, session);
                    }
                }
                if (type == EntityType.PERSON) {
                    addInitials(pairs, q, i, c, j, true);
                    addInitials(pairs, c, j, q, i, false);
                }
                // A space typed one letter off, unless a word already agrees.
                if (i + 1 < q.size() && j + 1 < c.size() && !q.get(i).text().equals(c.get(j).text())
                        && !q.get(i + 1).text().equals(c.get(j + 1).text())) {
                    add(pairs, q, new Span(i, i + 2), c, new Span(j, j + 2), type, session);
                }
            }
        }
        // Best similarity first; on a tie the pair of fewer words, then the weightier.
        pairs.sort(Comparator.comparingDouble((Pair p) -> -p.similarity.score())
                .thenComparingInt(p -> p.query.size() + p.candidate.size())
                .thenComparingDouble(p -> -p.weight));
        return pairs;
    }

    private static void add(List<Pair> pairs, List<Token> q, Span qs, List<Token> c, Span cs, EntityType type,
                            ScoringSession session) {
        boolean legal = hasKind(q, qs, Token.Kind.LEGAL);
        boolean merged = qs.size() > 1 || cs.size() > 1;
        if (legal != hasKind(c, cs, Token.Kind.LEGAL) || (legal && merged)) {
            return;
        }
        // Most merged pairs are told apart by length alone, before any text is built.
        if (merged && Math.abs(length(q, qs) - length(c, cs)) > 2) {
            return;
        }
        TokenSimilarity.Result similarity = legal
                ? (q.get(qs.from).text().equals(c.get(cs.from).text()) ? TokenSimilarity.Result.SAME : TokenSimilarity.Result.NONE)
                : session.compare(text(q, qs), text(c, cs), type, merged ? MERGED_WORDS : TokenSimilarity.MIN_SIMILARITY);
        if (similarity.score() < TokenSimilarity.MIN_SIMILARITY || (merged && similarity.score() < MERGED_WORDS)) {
            return;
        }
        if (!merged && !legal && isNearSpelling(similarity) && session.isKnown(q.get(qs.from).text())) {
            similarity = new TokenSimilarity.Result(Math.min(similarity.score(), KNOWN_OTHER_NAME),
                    TokenSimilarity.Way.OTHER_NAME, similarity.letters());
        }
        pairs.add(new Pair(qs, cs, similarity, weight(q, qs) + weight(c, cs)));
    }

    /**
     * Initials written as one word ("AK", "S.K.", even when read as a name part: "SK" is also
     * Sheikh) against the same letters written apart ("A K"), or, when written as initials, against
     * the words they stand for ("A.K." for "Anil Kumar").
     */
    private static void addInitials(List<Pair> pairs, List<Token> joined, int at, List<Token> apart, int from,
                                    boolean joinedIsQuery) {
        List<Word> source = joined.get(at).source();
        if (source.size() != 1) {
            return;
        }
        String letters = source.get(0).folded();
        int count = letters.length();
        if (count < 2 || count > MOST_INITIALS || from + count > apart.size()) {
            return;
        }
        Span one = new Span(at, at + 1);
        List<Word> facing = apart.get(from).source();
        if (joinedIsQuery && facing.size() == 1 && facing.get(0).folded().equals(letters)
                && (source.get(0).initials() || facing.get(0).initials())) {
            // "SK" (also read as Sheikh) and "S.K." (initials, read as letters) are written alike
            Span same = new Span(from, from + 1);
            pairs.add(new Pair(one, same, TokenSimilarity.Result.SAME, weight(joined, one) + weight(apart, same)));
        }
        boolean allLetters = true;
        for (int k = 0; k < count; k++) {
            Token word = apart.get(from + k);
            if (word.kind() == Token.Kind.LEGAL || word.text().charAt(0) != letters.charAt(k)) {
                return;
            }
            allLetters &= word.text().length() == 1;
        }
        if (!allLetters && !source.get(0).initials()) {
            return;
        }
        TokenSimilarity.Result similarity = allLetters ? TokenSimilarity.Result.SAME
                : new TokenSimilarity.Result(TokenSimilarity.INITIAL, TokenSimilarity.Way.INITIAL, 0);
        Span several = new Span(from, from + count);
        double weight = weight(joined, one) + weight(apart, several);
        pairs.add(joinedIsQuery ? new Pair(one, several, similarity, weight) : new Pair(several, one, similarity, weight));
    }

    private static boolean isNearSpelling(TokenSimilarity.Result similarity) {
        return switch (similarity.way()) {
            case VARIANT, TYPO, SWAPPED, SOUNDS_ALIKE -> true;
            default -> false;
        };
    }

    static boolean hasKind(List<Token> tokens, Span span, Token.Kind kind) {
        for (int k = span.from; k < span.to; k++) {
            if (tokens.get(k).kind() == kind) {
                return true;
            }
        }
        return false;
    }

    static boolean unpaired(List<Token> tokens, boolean[] paired, Token.Kind kind) {
        for (int k = 0; k < tokens.size(); k++) {
            if (!paired[k] && tokens.get(k).kind() == kind) {
                return true;
            }
        }
        return false;
    }

    static double weight(List<Token> tokens, Span span) {
        double weight = 0;
        for (int k = span.from; k < span.to; k++) {
            weight += tokens.get(k).weight();
        }
        return weight;
    }

    /** The written words behind a span, as written or as folded. */
    static String words(List<Token> tokens, Span span, boolean asWritten) {
        Set<Word> words = new LinkedHashSet<>();
        for (int k = span.from; k < span.to; k++) {
            words.addAll(tokens.get(k).source());
        }
        return words.stream().map(asWritten ? Word::original : Word::folded).collect(Collectors.joining(" "));
    }

    private static int length(List<Token> tokens, Span span) {
        int length = 0;
        for (int k = span.from; k < span.to; k++) {
            length += tokens.get(k).text().length();
        }
        return length;
    }

    private static String text(List<Token> tokens, Span span) {
        if (span.size() == 1) {
            return tokens.get(span.from).text();
        }
        StringBuilder sb = new StringBuilder();
        for (int k = span.from; k < span.to; k++) {
            sb.append(tokens.get(k).text());
        }
        return sb.toString();
    }
}
