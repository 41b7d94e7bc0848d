package org.fairrecruit.registry.matching;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The registered words by their character trigrams, to find what a word misspelt beyond one edit
 * ("aBhadu" for "Bahadur") meant: one document per distinctive word and entity type, beside the
 * names' documents in the same index. A search asks these few documents for the words sharing a
 * third of the misspelt word's trigrams, then the names for the closest of those words. Asking the
 * names for the trigrams themselves would read postings of thousands of names per trigram, at every
 * search and for every name indexed, and would count trigrams spread over a name's other words.
 *
 * <p>A word is written once, the first time a name brings it, and never removed: a word that no
 * name has any more finds no name, so a stale one costs nothing but its small document.
 */
final class WordGrams {

    /** The word's trigrams, per entity type. */
    private static final String GRAMS = "wordgrams";
    /** The word itself, per entity type: what a search returns, and the key that writes each word once. */
    private static final String WORD = "word";
    /** Words sharing the most (and rarest) trigrams first, then in text order: the same on every replica. */
    private static final Sort MOST_SHARED_THEN_WORD = new Sort(SortField.FIELD_SCORE, new SortField(WORD, SortField.Type.STRING));
    /** Words sharing the most trigrams that are then judged by closeness. */
    private static final int SHORT_LIST = 20;
    /**
     * Words sharing fewer of their trigrams than this (Dice's coefficient) are other words: asking the
     * names for them costs a long list of postings and finds names the scorer does not forgive.
     */
    private static final float LEAST_CLOSENESS = 0.3f;
    private static final Comparator<Similar> CLOSEST_FIRST = Comparator.comparingDouble((Similar word) -> -word.closeness())
            .thenComparing(Similar::word);
    /** A trigram in more than one word in this many is too common to help find a misspelt word. */
    private static final int COMMON_TRIGRAM_SHARE = 50;
    private static final int COMMON_TRIGRAM_FLOOR = 200;

    /** A registered word near a misspelt one, by the share of trigrams they have in common (0–1). */
    record Similar(String word, float closeness) {
    }

    private WordGrams() {
    }

    static Term term(EntityType type, String word) {
        return new Term(CandidateIndex.field(WORD, type), word);
    }

    static Document document(EntityType type, String word) {
        Document doc = new Document();
        doc.add(new StringField(CandidateIndex.field(WORD, type), word, Field.Store.NO));
        doc.add(new SortedDocValuesField(WORD, new BytesRef(word)));
        doc.add(new Field(CandidateIndex.field(GRAMS, type), String.join(" ", trigrams(word)), CandidateIndex.TERMS_ONLY));
        return doc;
    }

    /**
     * The registered words of this type closest to the word by their trigrams, at most this many, closest
     * first: of the words sharing a third of its trigrams, the {@link #SHORT_LIST} sharing the most
     * (rarer trigrams weigh more), judged by the share of trigrams they have in common. Trigrams found in a large share of all words
     * ("an_", "_ra") say nothing and would make the search read long lists, so they are left out.
     */
    static List<Similar> similar(ReaderTerms terms, EntityType type, String word, int most) {
        String field = CandidateIndex.field(GRAMS, type);
        Set<String> grams = trigrams(word);
        try {
            int tooCommon = Math.max(COMMON_TRIGRAM_FLOOR, terms.reader().getDocCount(field) / COMMON_TRIGRAM_SHARE);
            BooleanQuery.Builder shared = new BooleanQuery.Builder();
            int kept = 0;
            for (String gram : grams) {
                Term term = new Term(field, gram);
                int frequency = terms.docFreq(term);
                if (frequency > 0 && frequency <= tooCommon) {
                    shared.add(terms.query(term), BooleanClause.Occur.SHOULD);
                    kept++;
                }
            }
            if (kept == 0) {
                return List.of();
            }
            ScoreDoc[] found = terms.searcher().search(shared.setMinimumNumberShouldMatch(Math.max(1, kept / 3)).build(),
                    SHORT_LIST, MOST_SHARED_THEN_WORD).scoreDocs;
            List<Similar> similar = new ArrayList<>(found.length);
            for (ScoreDoc hit : found) {
                String registered = ((BytesRef) ((FieldDoc) hit).fields[1]).utf8ToString();
                similar.add(new Similar(registered, closeness(grams, trigrams(registered))));
            }
            similar.sort(CLOSEST_FIRST);
            return similar.stream().filter(close -> close.closeness() >= LEAST_CLOSENESS).limit(most).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dice's coefficient of the two sets of trigrams. */
    private static float closeness(Set<String> a, Set<String> b) {
        int common = 0;
        for (String gram : a) {
            common += b.contains(gram) ? 1 : 0;
        }
        return 2f * common / (a.size() + b.size());
    }

    /** The word's trigrams, its start and end marked ("_ab", "bc_"). */
    static Set<String> trigrams(String text) {
        String padded = "_" + text + "_";
        Set<String> grams = new LinkedHashSet<>();
        for (int k = 0; k + 3 <= padded.length(); k++) {
            grams.add(padded.substring(k, k + 3));
        }
        return grams;
    }
}
