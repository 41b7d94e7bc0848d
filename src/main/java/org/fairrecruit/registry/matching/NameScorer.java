package org.fairrecruit.registry.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Scores how well a query name names a candidate name, 0..1, and says what it forgave.
 *
 * <p>Tokens of the two names are paired, best pairs first, allowing one side to write two words as
 * one ("Dela Cruz"/"Delacruz", "Man Power"/"Manpower"). The score is the weighted share of both
 * names that found a partner, each pair counted by its similarity. Distinctive words weigh 1, very
 * common name parts and trade words less, legal forms almost nothing. A word the query leaves out
 * costs less than a word it gets wrong: people drop middle names and trade words ("Sinar Jaya" for
 * "Sinar Jaya Manpower Services"), but a different word in their place names a different entity.
 */
final class NameScorer {

    /** Share of its weight a candidate's trade word costs when the query simply leaves it out. */
    private static final double LEFT_OUT_GENERIC = 0.3;
    /**
     * Share of its weight a person's later name (middle name, second surname) costs when the query
     * leaves it out, provided two distinctive names agree: "Ram Bahadur" alone is too little.
     */
    private static final double LEFT_OUT_LATER_NAME = 0.5;
    /** A name that agrees only in trade words and legal forms is at best worth a look. */
    private static final double ONLY_GENERIC_AGREE = 0.7;
    /**
     * Most a near spelling counts when the query word is itself a name the registry knows:
     * "Santoso" is a surname of its own, not a misspelling of "Santos".
     */
    private static final double KNOWN_OTHER_NAME = 0.5;
    /** Same words in another order rank just below the same order, as the likelier entity. */
    private static final double OTHER_ORDER = 0.005;

    /** A score, and the pairing behind it to explain it; most candidates are never explained. */
    static final class Scored {
        private final double score;
        private final Supplier<String> explanation;

        Scored(double score, Supplier<String> explanation) {
            this.score = score;
            this.explanation = explanation;
        }

        double score() {
            return score;
        }

        String explanation() {
            return explanation.get();
        }
    }

    private record Span(int from, int to) {
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

    private record Pair(Span query, Span candidate, TokenSimilarity.Result similarity, double weight) {
    }

    Scored score(ParsedName query, ParsedName candidate, ScoringSession session) {
        List<Token> q = query.tokens();
        List<Token> c = candidate.tokens();
        List<Pair> pairs = pairs(q, c, candidate.type(), session);
        boolean[] qUsed = new boolean[q.size()];
        boolean[] cUsed = new boolean[c.size()];
        List<Pair> chosen = new ArrayList<>();
        for (Pair pair : pairs) {
            if (!pair.query.overlaps(qUsed) && !pair.candidate.overlaps(cUsed)) {
                pair.query.mark(qUsed);
                pair.candidate.mark(cUsed);
                chosen.add(pair);
            }
        }

        double matched = 0;
        boolean distinctiveAgrees = false;
        int namesAgreeing = 0;
        for (Pair pair : chosen) {
            matched += pair.similarity.score() * pair.weight;
            distinctiveAgrees |= hasKind(q, pair.query, Token.Kind.NAME) || hasKind(q, pair.query, Token.Kind.COMMON);
            namesAgreeing += hasKind(q, pair.query, Token.Kind.NAME) ? 1 : 0;
        }
        double total = 0;
        for (int i = 0; i < q.size(); i++) {
            total += q.get(i).weight();
        }
        boolean queryHasUnpairedGeneric = unpaired(q, qUsed, Token.Kind.GENERIC);
        boolean queryHasUnpairedName = unpaired(q, qUsed, Token.Kind.NAME) || unpaired(q, qUsed, Token.Kind.COMMON);
        for (int j = 0; j < c.size(); j++) {
            Token token = c.get(j);
            double weight = token.weight();
            if (!cUsed[j]) {
                if (token.kind() == Token.Kind.GENERIC && !queryHasUnpairedGeneric) {
                    weight *= LEFT_OUT_GENERIC;
                } else if (candidate.type() == EntityType.PERSON && j > 0 && !queryHasUnpairedName && namesAgreeing >= 2) {
                    weight *= LEFT_OUT_LATER_NAME;
                }
            }
            total += weight;
        }
        double score = total == 0 ? 0 : matched / total;
        if (!distinctiveAgrees) {
            score *= ONLY_GENERIC_AGREE;
        }
        chosen.sort(Comparator.comparingInt(p -> p.query.from));
        boolean otherOrder = orderDiffers(chosen.stream().filter(p -> !anyLegal(q, p.query)).toList());
        if (otherOrder) {
            score -= OTHER_ORDER;
        }
        return new Scored(Math.max(0, Math.min(1, score)), () -> explain(query, candidate, chosen, qUsed, cUsed, otherOrder));
    }

    private static List<Pair> pairs(List<Token> q, List<Token> c, EntityType type, ScoringSession session) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                add(pairs, q, new Span(i, i + 1), c, new Span(j, j + 1), type, session);
                if (i + 1 < q.size()) {
                    add(pairs, q, new Span(i, i + 2), c, new Span(j, j + 1), type, session);
                }
                if (j + 1 < c.size()) {
                    add(pairs, q, new Span(i, i + 1), c, new Span(j, j + 2), type, session);
                }
                // A space typed one letter off ("Unite dWave" for "United Wave"), unless a word already agrees.
                if (i + 1 < q.size() && j + 1 < c.size() && !q.get(i).text().equals(c.get(j).text())
                        && !q.get(i + 1).text().equals(c.get(j + 1).text())) {
                    add(pairs, q, new Span(i, i + 2), c, new Span(j, j + 2), type, session);
                }
            }
        }
        // Best similarity first; on a tie the pair of fewer words, then the weightier.
        pairs.sort(Comparator.comparingDouble((Pair p) -> -p.similarity.score())
                .thenComparingInt(p -> p.query.to - p.query.from + p.candidate.to - p.candidate.from)
                .thenComparingDouble(p -> -p.weight));
        return pairs;
    }

    private static void add(List<Pair> pairs, List<Token> q, Span qs, List<Token> c, Span cs, EntityType type,
                            ScoringSession session) {
        boolean qLegal = anyLegal(q, qs);
        boolean cLegal = anyLegal(c, cs);
        if (qLegal != cLegal || (qLegal && (qs.to - qs.from > 1 || cs.to - cs.from > 1))) {
            return;
        }
        boolean merged = qs.to - qs.from > 1 || cs.to - cs.from > 1;
        // Most word pairs are told apart by length alone, before any text is built.
        if (merged && Math.abs(length(q, qs) - length(c, cs)) > 2) {
            return;
        }
        TokenSimilarity.Result similarity = qLegal
                ? (q.get(qs.from).text().equals(c.get(cs.from).text()) ? TokenSimilarity.Result.SAME : TokenSimilarity.Result.NONE)
                : session.compare(text(q, qs), text(c, cs), type);
        // Writing two words as one must be nearly exact, or "Ram" + "Bahadur" would pair with anything long.
        if (similarity.score() < TokenSimilarity.MIN_SIMILARITY || (merged && similarity.score() < 0.85)) {
            return;
        }
        if (!merged && !qLegal && similarity.way() != TokenSimilarity.Way.SAME && similarity.way() != TokenSimilarity.Way.INITIAL
                && similarity.way() != TokenSimilarity.Way.ABBREVIATION && session.isKnown(q.get(qs.from).text())) {
            similarity = new TokenSimilarity.Result(Math.min(similarity.score(), KNOWN_OTHER_NAME), TokenSimilarity.Way.OTHER_NAME, similarity.letters());
        }
        pairs.add(new Pair(qs, cs, similarity, weight(q, qs) + weight(c, cs)));
    }

    private static boolean anyLegal(List<Token> tokens, Span span) {
        return hasKind(tokens, span, Token.Kind.LEGAL);
    }

    private static boolean hasKind(List<Token> tokens, Span span, Token.Kind kind) {
        for (int k = span.from; k < span.to; k++) {
            if (tokens.get(k).kind() == kind) {
                return true;
            }
        }
        return false;
    }

    private static boolean unpaired(List<Token> tokens, boolean[] used, Token.Kind kind) {
        for (int k = 0; k < tokens.size(); k++) {
            if (!used[k] && tokens.get(k).kind() == kind) {
                return true;
            }
        }
        return false;
    }

    private static String text(List<Token> tokens, Span span) {
        if (span.to - span.from == 1) {
            return tokens.get(span.from).text();
        }
        StringBuilder sb = new StringBuilder();
        for (int k = span.from; k < span.to; k++) {
            sb.append(tokens.get(k).text());
        }
        return sb.toString();
    }

    private static int length(List<Token> tokens, Span span) {
        int length = 0;
        for (int k = span.from; k < span.to; k++) {
            length += tokens.get(k).text().length();
        }
        return length;
    }

    private static double weight(List<Token> tokens, Span span) {
        double weight = 0;
        for (int k = span.from; k < span.to; k++) {
            weight += tokens.get(k).weight();
        }
        return weight;
    }

    private static String written(List<Token> tokens, Span span) {
        Set<Word> words = new LinkedHashSet<>();
        for (int k = span.from; k < span.to; k++) {
            words.addAll(tokens.get(k).source());
        }
        return words.stream().map(Word::original).collect(Collectors.joining(" "));
    }

    private static String folded(List<Token> tokens, Span span) {
        Set<Word> words = new LinkedHashSet<>();
        for (int k = span.from; k < span.to; k++) {
            words.addAll(tokens.get(k).source());
        }
        return words.stream().map(Word::folded).collect(Collectors.joining(" "));
    }

    private static String explain(ParsedName query, ParsedName candidate, List<Pair> chosen, boolean[] qUsed, boolean[] cUsed,
                                  boolean otherOrder) {
        List<Token> q = query.tokens();
        List<Token> c = candidate.tokens();
        Set<String> notes = new LinkedHashSet<>();
        scripts(q).forEach(script -> notes.add("transliterated from " + script));
        scripts(c).forEach(script -> notes.add("matched the " + script + " spelling"));
        if (!legalForms(q).equals(legalForms(c)) || unpaired(q, qUsed, Token.Kind.LEGAL) || unpaired(c, cUsed, Token.Kind.LEGAL)) {
            notes.add("legal form ignored");
        }
        for (Pair pair : chosen) {
            String asked = written(q, pair.query);
            String known = written(c, pair.candidate);
            boolean legal = anyLegal(q, pair.query);
            switch (pair.similarity.way()) {
                case SAME -> {
                    if (legal) {
                        if (!folded(q, pair.query).equals(folded(c, pair.candidate))) {
                            notes.add("legal form '" + asked + "' read as '" + known + "'");
                        }
                    } else if (pair.query.to - pair.query.from > 1 && pair.candidate.to - pair.candidate.from > 1) {
                        notes.add("spacing differs in '" + known + "'");
                    } else if (pair.query.to - pair.query.from > 1 || pair.candidate.to - pair.candidate.from > 1) {
                        notes.add("'" + asked + "' read as '" + known + "'");
                    } else if (!folded(q, pair.query).equals(folded(c, pair.candidate))) {
                        notes.add("'" + asked + "' read as '" + known + "'");
                    } else if (accentsDiffer(q.get(pair.query.from), c.get(pair.candidate.from))) {
                        notes.add("accents ignored");
                    }
                }
                case VARIANT, ABBREVIATION -> notes.add("'" + asked + "' read as '" + known + "'");
                case SOUNDS_ALIKE -> notes.add("'" + asked + "' sounds like '" + known + "'");
                case INITIAL -> notes.add("'" + asked + "' taken as the initial of '" + known + "'");
                case SWAPPED -> notes.add("two letters swapped in '" + known + "'");
                case TYPO -> notes.add(letters(pair.similarity.letters()) + " in '" + known + "'");
                case OTHER_NAME -> notes.add("'" + asked + "' is another name than '" + known + "'");
                case NONE -> throw new IllegalStateException("unpaired tokens are never chosen");
            }
        }
        List<String> leftOut = unpairedWritten(c, cUsed);
        if (!leftOut.isEmpty()) {
            notes.add("'" + String.join(" ", leftOut) + "' left out");
        }
        List<String> extra = unpairedWritten(q, qUsed);
        if (!extra.isEmpty()) {
            notes.add("'" + String.join(" ", extra) + "' not in the name");
        }
        if (otherOrder) {
            notes.add("word order differs");
        }
        if (notes.isEmpty()) {
            return query.written().equals(candidate.written()) ? "exact match" : "same name apart from case, spacing and punctuation";
        }
        return String.join("; ", notes);
    }

    private static boolean accentsDiffer(Token a, Token b) {
        for (Word x : a.source()) {
            for (Word y : b.source()) {
                if (x.accentsDiffer(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String letters(int count) {
        return switch (count) {
            case 1 -> "one letter differs";
            case 2 -> "two letters differ";
            default -> count + " letters differ";
        };
    }

    private static Set<String> scripts(List<Token> tokens) {
        Set<String> scripts = new LinkedHashSet<>();
        for (Token token : tokens) {
            for (Word word : token.source()) {
                if (word.script() != null) {
                    scripts.add(word.script());
                }
            }
        }
        return scripts;
    }

    private static Set<String> legalForms(List<Token> tokens) {
        Set<String> forms = new LinkedHashSet<>();
        for (Token token : tokens) {
            if (token.kind() == Token.Kind.LEGAL) {
                forms.add(token.text());
            }
        }
        return forms;
    }

    private static List<String> unpairedWritten(List<Token> tokens, boolean[] used) {
        Set<Word> words = new LinkedHashSet<>();
        for (int k = 0; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (!used[k] && token.kind() != Token.Kind.LEGAL) {
                words.addAll(token.source());
            }
        }
        return words.stream().map(Word::original).toList();
    }

    private static boolean orderDiffers(List<Pair> chosenByQueryOrder) {
        int last = -1;
        for (Pair pair : chosenByQueryOrder) {
            if (pair.candidate.from < last) {
                return true;
            }
            last = pair.candidate.from;
        }
        return false;
    }
}
