package org.fairrecruit.registry.matching;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate retrieval: an in-memory Lucene index with one document per name. Fields hold the
 * compared token texts (plus each pair of neighbouring words written as one), their phonetic
 * keys and character trigrams. Lucene's BM25 weighs rare words up and common ones
 * ("Global", "Mohammad") down, and its top-k scoring skips documents that hold only common words,
 * so frequent words do not slow a search down.
 */
final class CandidateIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String TYPE = "type";
    private static final String NAME = "name";
    private static final String COUNTRY = "country";
    private static final String BIRTH_YEAR = "born";
    private static final String IDENTIFIERS = "identifiers";
    private static final Set<String> RETURNED = Set.of(ID, TYPE, NAME, COUNTRY, BIRTH_YEAR, IDENTIFIERS);
    private static final String FIRST_NAME_OF_ENTITY = "first";
    private static final String TOKENS = "tokens";
    private static final String SOUNDS = "sounds";
    private static final String TRIGRAMS = "trigrams";
    private static final String NEARBY = "nearby";

    /** Words this close count as near each other in either order ("Thapa, Ram" for "Ram ... Thapa"). */
    private static final int NEARBY_WINDOW = 2;
    /** Boost of two words found near each other, relative to a distinctive word. */
    private static final float NEARBY_BOOST = 0.8f;

    /** Boost of a phonetic key relative to the word itself. */
    private static final float SOUND_BOOST = 0.3f;
    /** Boost of a word within one or two typos relative to the word itself. */
    private static final float FUZZY_BOOST = 0.6f;
    /** Boost of a registered romanisation of the word ("Bijay" for "Bijoy") relative to the word itself. */
    private static final float ROMANISATION_BOOST = 0.8f;
    /** Trigrams find words misspelt beyond one edit ("aBhadu" for "Bahadur"). */
    private static final float TRIGRAM_BOOST = 0.15f;
    /** A trigram in more than one name in this many is too common to help find a misspelt word. */
    private static final int COMMON_TRIGRAM_SHARE = 50;
    private static final int COMMON_TRIGRAM_FLOOR = 1_000;
    /** Most terms a fuzzy clause expands to: enough for typos, bounded for latency. */
    private static final int FUZZY_EXPANSIONS = 20;

    private static final FieldType TERMS_ONLY = new FieldType();

    static {
        TERMS_ONLY.setIndexOptions(IndexOptions.DOCS);
        TERMS_ONLY.setOmitNorms(true);
        TERMS_ONLY.setTokenized(true);
        TERMS_ONLY.setStored(false);
        TERMS_ONLY.freeze();
    }

    /**
     * A stored name returned by a search.
     *
     * @param signals the entity's country, year of birth and identifiers (its names are not filled in)
     */
    record Hit(String id, EntityType type, String name, MatchableEntity signals) {
    }

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;

    CandidateIndex() {
        try {
            Analyzer whitespace = new WhitespaceAnalyzer();
            IndexWriterConfig config = new IndexWriterConfig(whitespace).setRAMBufferSizeMB(256);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
            // Changes become visible to searches within half a second, without a reopen per upsert.
            reopener = new ControlledRealTimeReopenThread<>(writer, searchers, 0.5, 0.05);
            reopener.setName("name-index-reopen");
            reopener.setDaemon(true);
            reopener.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void replace(String id, List<Document> names) {
        try {
            writer.updateDocuments(new Term(ID, id), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(List<Document> names) {
        try {
            writer.addDocuments(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(String id) {
        try {
            writer.deleteDocuments(new Term(ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refreshNow() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int entities() {
        return withSearcher(searcher -> searcher.count(new TermQuery(new Term(FIRST_NAME_OF_ENTITY, "1"))));
    }

    /** Whether some registered name has this token. */
    boolean knows(String text) {
        return withSearcher(searcher -> searcher.getIndexReader().docFreq(new Term(TOKENS, text)) > 0);
    }

    boolean isEmpty() {
        return writer.getDocStats().numDocs == 0;
    }

    static List<Document> documents(MatchableEntity entity, List<ParsedName> names) {
        List<Document> documents = new ArrayList<>(names.size());
        for (ParsedName name : names) {
            Document doc = new Document();
            doc.add(new StringField(ID, entity.id(), Field.Store.YES));
            doc.add(new StringField(TYPE, entity.type().name(), Field.Store.YES));
            doc.add(new StoredField(NAME, name.written()));
            if (entity.country() != null) {
                doc.add(new StoredField(COUNTRY, entity.country()));
            }
            if (entity.birthYear() != null) {
                doc.add(new StoredField(BIRTH_YEAR, entity.birthYear()));
            }
            if (!entity.identifiers().isEmpty()) {
                doc.add(new StoredField(IDENTIFIERS, String.join(" ", Signals.normalised(entity.identifiers()))));
            }
            if (documents.isEmpty()) {
                doc.add(new StringField(FIRST_NAME_OF_ENTITY, "1", Field.Store.NO));
            }
            StringBuilder tokens = new StringBuilder();
            StringBuilder sounds = new StringBuilder();
            StringBuilder trigrams = new StringBuilder();
            List<Token> searchable = searchable(name);
            for (int k = 0; k < searchable.size(); k++) {
                String text = searchable.get(k).text();
                tokens.append(text).append(' ');
                if (k + 1 < searchable.size()) {
                    tokens.append(text).append(searchable.get(k + 1).text()).append(' ');
                }
                if (isDistinctive(searchable.get(k))) {
                    sounds.append(TokenSimilarity.phoneticKey(text)).append(' ');
                    trigrams(text, trigrams);
                }
            }
            doc.add(new Field(TOKENS, tokens.toString(), TERMS_ONLY));
            doc.add(new Field(NEARBY, String.join(" ", nearbyPairs(searchable)), TERMS_ONLY));
            doc.add(new Field(SOUNDS, sounds.toString(), TERMS_ONLY));
            doc.add(new Field(TRIGRAMS, trigrams.toString(), TERMS_ONLY));
            documents.add(doc);
        }
        return documents;
    }

    /**
     * One query for all the readings of the query name (as agency and as person when the type is
     * open). Each word asks for itself, each pair of neighbours for the two written as one and
     * for the two near each other in any order; known distinctive words also ask for their
     * registered romanisations (romanisations.tsv); words the index does not know, likely
     * misspelt, ask for words one edit away, alike in sound or sharing trigrams. Pairs keep names made of
     * common words ("Golden Global Labour") findable among thousands that share each word.
     */
    List<Hit> search(Collection<ParsedName> readings, EntityType type, int candidates) {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            Map<String, Float> words = new LinkedHashMap<>();
            Map<String, Float> distinctive = new HashMap<>();
            Set<String> nearby = new HashSet<>();
            for (ParsedName reading : readings) {
                List<Token> searchable = searchable(reading);
                nearby.addAll(nearbyPairs(searchable));
                for (int k = 0; k < searchable.size(); k++) {
                    Token token = searchable.get(k);
                    words.merge(token.text(), (float) token.weight(), Math::max);
                    if (k + 1 < searchable.size()) {
                        words.merge(token.text() + searchable.get(k + 1).text(), 1f, Math::max);
                    }
                    if (isDistinctive(token)) {
                        distinctive.merge(token.text(), (float) token.weight(), Math::max);
                    }
                }
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            Map<String, Float> sounds = new HashMap<>();
            for (Map.Entry<String, Float> word : words.entrySet()) {
                String text = word.getKey();
                float boost = word.getValue();
                query.add(new BoostQuery(new TermQuery(new Term(TOKENS, text)), boost), BooleanClause.Occur.SHOULD);
                // A word some registered name has is taken as meant: near spellings of it would
                // be other names, which the scorer does not forgive anyway, but its registered
                // romanisations are the same name. Only unknown words, likely misspelt, ask for
                // words one edit away (romanisations included), alike in sound or in trigrams.
                if (reader.docFreq(new Term(TOKENS, text)) > 0) {
                    if (distinctive.containsKey(text)) {
                        addRomanisations(query, reader, text, boost);
                    }
                    continue;
                }
                if (text.length() >= 4) {
                    Query fuzzy = new FuzzyQuery(new Term(TOKENS, text), 1, 0, FUZZY_EXPANSIONS, true);
                    query.add(new BoostQuery(fuzzy, boost * FUZZY_BOOST), BooleanClause.Occur.SHOULD);
                }
                if (distinctive.containsKey(text)) {
                    sounds.merge(TokenSimilarity.phoneticKey(text), boost * SOUND_BOOST, Math::max);
                    Query grams = sharedTrigrams(reader, text);
                    if (grams != null) {
                        query.add(new BoostQuery(grams, boost * TRIGRAM_BOOST), BooleanClause.Occur.SHOULD);
                    }
                }
            }
            nearby.forEach(pair -> query.add(
                    new BoostQuery(new TermQuery(new Term(NEARBY, pair)), NEARBY_BOOST), BooleanClause.Occur.SHOULD));
            sounds.forEach((key, boost) -> query.add(
                    new BoostQuery(new TermQuery(new Term(SOUNDS, key)), boost), BooleanClause.Occur.SHOULD));
            if (type != null) {
                query.add(new TermQuery(new Term(TYPE, type.name())), BooleanClause.Occur.FILTER);
            }
            TopDocs top = searcher.search(query.build(), candidates);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                Document doc = searcher.storedFields().document(scoreDoc.doc, RETURNED);
                hits.add(hit(doc));
            }
            return hits;
        });
    }

    private static void addRomanisations(BooleanQuery.Builder query, IndexReader reader, String text, float boost)
            throws IOException {
        for (String variant : TokenSimilarity.romanisations().variants(text)) {
            Term term = new Term(TOKENS, variant);
            if (reader.docFreq(term) > 0) {
                query.add(new BoostQuery(new TermQuery(term), boost * ROMANISATION_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
    }

    private static Hit hit(Document doc) {
        EntityType type = EntityType.valueOf(doc.get(TYPE));
        IndexableField born = doc.getField(BIRTH_YEAR);
        String identifiers = doc.get(IDENTIFIERS);
        MatchableEntity signals = new MatchableEntity(doc.get(ID), type, List.of(), doc.get(COUNTRY),
                born == null ? null : born.numericValue().intValue(),
                identifiers == null ? Set.of() : Set.of(identifiers.split(" ")));
        return new Hit(signals.id(), type, doc.get(NAME), signals);
    }

    /**
     * Names sharing a third of the word's trigrams. Trigrams found in a large share of all names
     * ("an_", "_ra") say nothing and would make the search read long lists, so they are left out.
     */
    private static Query sharedTrigrams(IndexReader reader, String text) throws IOException {
        StringBuilder all = new StringBuilder();
        trigrams(text, all);
        int tooCommon = Math.max(COMMON_TRIGRAM_FLOOR, reader.maxDoc() / COMMON_TRIGRAM_SHARE);
        List<Term> grams = new ArrayList<>();
        for (String gram : all.toString().split(" ")) {
            Term term = new Term(TRIGRAMS, gram);
            int frequency = reader.docFreq(term);
            if (frequency > 0 && frequency <= tooCommon) {
                grams.add(term);
            }
        }
        if (grams.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder shared = new BooleanQuery.Builder();
        grams.forEach(term -> shared.add(new TermQuery(term), BooleanClause.Occur.SHOULD));
        return shared.setMinimumNumberShouldMatch(Math.max(1, grams.size() / 3)).build();
    }

    /** Each two words at most {@link #NEARBY_WINDOW} apart, as one term that ignores their order. */
    private static List<String> nearbyPairs(List<Token> searchable) {
        List<String> pairs = new ArrayList<>();
        for (int k = 0; k < searchable.size(); k++) {
            for (int d = 1; d <= NEARBY_WINDOW && k + d < searchable.size(); d++) {
                String a = searchable.get(k).text();
                String b = searchable.get(k + d).text();
                pairs.add(a.compareTo(b) <= 0 ? a + "_" + b : b + "_" + a);
            }
        }
        return pairs;
    }

    private static boolean isDistinctive(Token token) {
        return token.kind() == Token.Kind.NAME || token.kind() == Token.Kind.COMMON;
    }

    private static List<Token> searchable(ParsedName name) {
        return name.tokens().stream().filter(t -> t.kind() != Token.Kind.LEGAL).toList();
    }

    private static void trigrams(String text, StringBuilder into) {
        String padded = "_" + text + "_";
        for (int k = 0; k + 3 <= padded.length(); k++) {
            into.append(padded, k, k + 3).append(' ');
        }
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reopener.close();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
