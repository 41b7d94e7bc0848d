package org.fairrecruit.registry.matching;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one query of a search, for all the readings of the query name (as agency and as person when
 * the type is open), each reading against the names of its type. Each word asks for itself, each pair
 * of neighbours for the two written as one and for the two near each other in any order; known
 * distinctive words also ask for their registered romanisations (romanisations.tsv); words no
 * registered name has, likely misspelt, ask for words one edit away, alike in sound or sharing
 * trigrams. Pairs keep names made of common words ("Golden Global Labour") findable among
 * thousands that share each word.
 *
 * <p>Every term is looked up once per index reader ({@link ReaderTerms}), and the spelling
 * neighbours of a word are computed once for all readings.
 */
final class CandidateQuery {

    /** Boost of two words found near each other, relative to a distinctive word. */
    private static final float NEARBY_BOOST = 0.8f;
    /** Boost of a phonetic key relative to the word itself. */
    private static final float SOUND_BOOST = 0.3f;
    /** Boost of a word one edit away relative to the word itself. */
    private static final float FUZZY_BOOST = 0.6f;
    /** Shortest unknown word that asks for words one edit away: shorter ones have too many. */
    private static final int SHORTEST_MISSPELT = 4;
    /** Boost of a registered romanisation of the word ("Bijay" for "Bijoy") relative to the word itself. */
    private static final float ROMANISATION_BOOST = 0.8f;
    /**
     * Words sharing many trigrams find words misspelt beyond one edit ("aBhadu" for "Bahadur"), each
     * weighed by how many it shares, relative to the word itself.
     */
    private static final float SIMILAR_BOOST = 0.5f;
    /** Most registered words a misspelt word asks for by its trigrams. */
    private static final int MOST_SIMILAR = 5;

    private final ReaderTerms terms;
    private final Map<String, SpellingNeighbours> neighbours = new HashMap<>();
    private final BooleanQuery.Builder query = new BooleanQuery.Builder();

    private CandidateQuery(ReaderTerms terms) {
        this.terms = terms;
    }

    static Query of(ReaderTerms terms, Collection<ParsedName> readings) {
        CandidateQuery built = new CandidateQuery(terms);
        readings.forEach(built::addReading);
        return built.query.build();
    }

    /** Whether some registered name, of any type, has this token. */
    static boolean knows(ReaderTerms terms, String text) {
        for (EntityType type : EntityType.values()) {
            if (terms.docFreq(new Term(CandidateIndex.field(CandidateIndex.TOKENS, type), text)) > 0) {
                return true;
            }
        }
        return false;
    }

    private void addReading(ParsedName reading) {
        EntityType type = reading.type();
        String tokens = CandidateIndex.field(CandidateIndex.TOKENS, type);
        Map<String, Float> words = new LinkedHashMap<>();
        Set<String> distinctive = new HashSet<>();
        Set<String> single = new HashSet<>();
        List<Token> searchable = CandidateIndex.searchable(reading);
        for (int k = 0; k < searchable.size(); k++) {
            Token token = searchable.get(k);
            words.merge(token.text(), (float) token.weight(), Math::max);
            single.add(token.text());
            if (k + 1 < searchable.size()) {
                words.merge(token.text() + searchable.get(k + 1).text(), 1f, Math::max);
            }
            if (CandidateIndex.isDistinctive(token)) {
                distinctive.add(token.text());
            }
        }
        Map<String, Float> sounds = new HashMap<>();
        for (Map.Entry<String, Float> word : words.entrySet()) {
            String text = word.getKey();
            float boost = word.getValue();
            add(terms.query(new Term(tokens, text)), boost);
            // A word some registered name has is taken as meant: near spellings of it would
            // be other names, which the scorer does not forgive anyway, but its registered
            // romanisations are the same name. Only unknown words, likely misspelt, ask for
            // words one edit away (romanisations included), alike in sound or in trigrams.
            if (knows(terms, text)) {
                if (distinctive.contains(text)) {
                    addRomanisations(tokens, text, boost);
                }
                continue;
            }
            // Two words written as one ask only for themselves: their misspellings are the words' own.
            if (text.length() >= SHORTEST_MISSPELT && single.contains(text)) {
                add(neighbours.computeIfAbsent(text, SpellingNeighbours::new).in(tokens), boost * FUZZY_BOOST);
            }
            if (distinctive.contains(text)) {
                sounds.merge(TokenSimilarity.phoneticKey(text), boost * SOUND_BOOST, Math::max);
                addSimilar(type, tokens, text, boost);
            }
        }
        String nearby = CandidateIndex.field(CandidateIndex.NEARBY, type);
        for (String pair : new LinkedHashSet<>(CandidateIndex.nearbyPairs(searchable))) {
            add(terms.query(new Term(nearby, pair)), NEARBY_BOOST);
        }
        String soundField = CandidateIndex.field(CandidateIndex.SOUNDS, type);
        sounds.forEach((key, boost) -> add(terms.query(new Term(soundField, key)), boost));
    }

    private void add(Query clause, float boost) {
        query.add(new BoostQuery(clause, boost), BooleanClause.Occur.SHOULD);
    }

    private void addRomanisations(String field, String text, float boost) {
        for (String variant : TokenSimilarity.romanisations().variants(text)) {
            Term term = new Term(field, variant);
            if (terms.docFreq(term) > 0) {
                add(terms.query(term), boost * ROMANISATION_BOOST);
            }
        }
    }

    /** The registered words sharing many of the word's trigrams, each weighed by how many it shares. */
    private void addSimilar(EntityType type, String field, String text, float boost) {
        BooleanQuery.Builder similar = new BooleanQuery.Builder();
        SpellingNeighbours oneEdit = neighbours.get(text);
        for (WordGrams.Similar word : WordGrams.similar(terms, type, text, MOST_SIMILAR)) {
            // A word one edit away is asked for already, as a spelling neighbour.
            if (oneEdit != null && oneEdit.isNeighbour(word.word())) {
                continue;
            }
            Term term = new Term(field, word.word());
            if (terms.docFreq(term) > 0) {
                similar.add(new BoostQuery(terms.query(term), word.closeness()), BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery words = similar.build();
        if (!words.clauses().isEmpty()) {
            add(words, boost * SIMILAR_BOOST);
        }
    }
}
