package org.fairrecruit.registry.matching;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.MaxNonCompetitiveBoostAttribute;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The registered words one edit (an insertion, deletion, substitution or swap of neighbours) away
 * from a word no registered name has: what Lucene's FuzzyQuery with one edit finds, weighed the same
 * way (1 - 1/shorter length), at a fraction of its cost. Indexed words are lower-case ASCII
 * ({@link Normalizer}), so the automaton needs only that alphabet rather than all of Unicode, and
 * it is built once per word and shared by every field the word is looked for in (one per reading).
 */
final class SpellingNeighbours {

    /** Most terms a word expands to: enough for typos, bounded for latency. */
    static final int MOST_TERMS = 20;
    private static final int ASCII_MAX = 0x7F;

    private final String text;
    private final CompiledAutomaton automaton;

    /** @param text a lower-case ASCII word that no registered name has */
    SpellingNeighbours(String text) {
        this.text = text;
        LevenshteinAutomata edits = new LevenshteinAutomata(text.codePoints().toArray(), ASCII_MAX, true);
        this.automaton = new CompiledAutomaton(edits.toAutomaton(1), true, false);
    }

    /** Whether this word is one edit away (or the word itself). */
    boolean isNeighbour(String word) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        return automaton.runAutomaton != null && automaton.runAutomaton.run(bytes, 0, bytes.length);
    }

    /** The neighbours among the words of this field, each as a clause weighed by closeness. */
    MultiTermQuery in(String field) {
        return new InField(field);
    }

    private final class InField extends MultiTermQuery {

        InField(String field) {
            super(field, new TopTermsBlendedFreqScoringRewrite(MOST_TERMS));
        }

        @Override
        protected TermsEnum getTermsEnum(Terms terms, AttributeSource shared) throws IOException {
            return new Weighed(automaton.getTermsEnum(terms), shared);
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(getField())) {
                automaton.visit(visitor, this, getField());
            }
        }

        @Override
        public String toString(String field) {
            return (getField().equals(field) ? "" : getField() + ":") + text + "~1";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InField that && super.equals(that) && that.text().equals(text);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + text.hashCode();
        }

        private String text() {
            return text;
        }
    }

    /**
     * Gives each term FuzzyQuery's weight, and stops, as FuzzyQuery does, once the terms kept
     * across segments are all as close as a term one edit away can be.
     */
    private final class Weighed extends FilteredTermsEnum {
        private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);
        private final MaxNonCompetitiveBoostAttribute kept;
        private final float closest = 1f - 1f / text.length();

        Weighed(TermsEnum terms, AttributeSource shared) {
            super(terms, false);
            this.kept = shared.addAttribute(MaxNonCompetitiveBoostAttribute.class);
        }

        @Override
        protected AcceptStatus accept(BytesRef term) {
            if (kept.getMaxNonCompetitiveBoost() >= closest) {
                return AcceptStatus.END;
            }
            boost.setBoost(1f - 1f / Math.min(term.length, text.length()));
            return AcceptStatus.YES;
        }
    }
}
