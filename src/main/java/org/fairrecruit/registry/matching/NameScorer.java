package org.fairrecruit.registry.matching;

import java.util.List;
import java.util.function.Supplier;

/**
 * Scores how well a query name names a candidate name, 0..1.
 *
 * <p>The score is the weighted share of both names whose words found a partner in the
 * {@link Alignment}, each pair counted by its similarity. Distinctive words weigh 1, very common
 * name parts and trade words less, legal forms almost nothing. A word the query leaves out costs
 * less than a word it gets wrong: people drop middle names and trade words ("Sinar Jaya" for
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
    /**
     * Share of its weight an initial costs when the other name simply has nothing in its place:
     * "Rameshwar" and "Rameshwar K." name the same man; an initial says little.
     */
    private static final double LEFT_OUT_INITIAL = 0.2;
    /** A name that agrees only in trade words and legal forms is at best worth a look. */
    private static final double ONLY_GENERIC_AGREE = 0.7;
    /** Same words in another order rank just below the same order, as the likelier entity. */
    private static final double OTHER_ORDER = 0.005;

    /** A score, and how to explain it; most candidates are never explained. */
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

    Scored score(ParsedName query, ParsedName candidate, ScoringSession session) {
        Alignment alignment = Alignment.of(query, candidate, session);
        double score = pairedShare(alignment);
        if (!distinctiveWordAgrees(alignment)) {
            score *= ONLY_GENERIC_AGREE;
        }
        if (alignment.orderDiffers()) {
            score -= OTHER_ORDER;
        }
        return new Scored(Math.max(0, Math.min(1, score)), () -> Explanation.of(alignment));
    }

    private static double pairedShare(Alignment alignment) {
        List<Token> q = alignment.query.tokens();
        List<Token> c = alignment.candidate.tokens();
        double paired = 0;
        int namesAgreeing = 0;
        for (Alignment.Pair pair : alignment.pairs) {
            paired += pair.similarity().score() * pair.weight();
            namesAgreeing += Alignment.hasKind(q, pair.query(), Token.Kind.NAME) ? 1 : 0;
        }
        boolean person = alignment.candidate.type() == EntityType.PERSON;
        boolean initialsForgiven = person && namesAgreeing > 0;
        boolean otherQueryWord = unpairedWord(q, alignment.queryPaired);
        boolean otherCandidateWord = unpairedWord(c, alignment.candidatePaired);
        double total = 0;
        for (int i = 0; i < q.size(); i++) {
            Token token = q.get(i);
            boolean leftOutInitial = initialsForgiven && !alignment.queryPaired[i] && isInitial(token) && !otherCandidateWord;
            total += token.weight() * (leftOutInitial ? LEFT_OUT_INITIAL : 1);
        }
        boolean otherTradeWord = Alignment.unpaired(q, alignment.queryPaired, Token.Kind.GENERIC);
        for (int j = 0; j < c.size(); j++) {
            Token token = c.get(j);
            double weight = token.weight();
            if (!alignment.candidatePaired[j]) {
                if (token.kind() == Token.Kind.GENERIC && !otherTradeWord) {
                    weight *= LEFT_OUT_GENERIC;
                } else if (initialsForgiven && isInitial(token) && !otherQueryWord) {
                    weight *= LEFT_OUT_INITIAL;
                } else if (person && j > 0 && !otherQueryWord && namesAgreeing >= 2) {
                    weight *= LEFT_OUT_LATER_NAME;
                }
            }
            total += weight;
        }
        return total == 0 ? 0 : paired / total;
    }

    private static boolean isInitial(Token token) {
        return token.text().length() == 1;
    }

    /** Whether some name part, an initial included, found no partner: it stands where a left-out word would. */
    private static boolean unpairedWord(List<Token> tokens, boolean[] paired) {
        for (int k = 0; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (!paired[k] && (token.kind() == Token.Kind.NAME || token.kind() == Token.Kind.COMMON)) {
                return true;
            }
        }
        return false;
    }

    private static boolean distinctiveWordAgrees(Alignment alignment) {
        List<Token> q = alignment.query.tokens();
        for (Alignment.Pair pair : alignment.pairs) {
            if (Alignment.hasKind(q, pair.query(), Token.Kind.NAME) || Alignment.hasKind(q, pair.query(), Token.Kind.COMMON)) {
                return true;
            }
        }
        return false;
    }
}
