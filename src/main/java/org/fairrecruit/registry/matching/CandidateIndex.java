package org.fairrecruit.registry.matching;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Candidate retrieval: a Lucene index with one document per name. Fields hold the
 * compared token texts (plus each pair of neighbouring words written as one) and their phonetic
 * keys; beside the names, one document per registered word holds its character trigrams
 * ({@link WordGrams}). Lucene's BM25 weighs rare words up and common ones
 * ("Global", "Mohammad") down, and its top-k scoring skips documents that hold only common words,
 * so frequent words do not slow a search down.
 *
 * <p>Every searched field exists once per entity type ("tokens.AGENCY", "tokens.PERSON"), so a search
 * for one type is a plain disjunction, which Lucene's top-k scoring skips through, rather than a
 * filtered one, which visits every document of the type. What a hit returns is one binary doc value,
 * read in place, instead of a stored document decompressed per hit. The index lives in memory-mapped
 * files in a temporary directory: the operating system's page cache holds it, not the Java heap.
 */
final class CandidateIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CandidateIndex.class);

    private static final String ID = "id";
    /** A number fixed by the entity's id alone (see {@link #tieOrder}). */
    private static final String TIE_ORDER = "tie";
    /**
     * Names of equal score in an order fixed by their entity's id, not in the order of the documents
     * (which follows the parallel load), so which of them enter a full candidate pool is the same on
     * every replica and every start. A number rather than the id's text: compared per tied hit, it
     * costs a fraction of a sorted text.
     */
    private static final Sort BEST_THEN_TIE_ORDER = new Sort(SortField.FIELD_SCORE, new SortField(TIE_ORDER, SortField.Type.LONG));
    /** id, type, country, year of birth, identifiers and the name as written, as one doc value. */
    private static final String RETURNED = "returned";
    private static final char SEPARATOR = '\u0001';
    private static final String FIRST_NAME_OF_ENTITY = "first";
    static final String TOKENS = "tokens";
    static final String SOUNDS = "sounds";
    static final String NEARBY = "nearby";

    /** Words this close count as near each other in either order ("Thapa, Ram" for "Ram ... Thapa"). */
    private static final int NEARBY_WINDOW = 2;
    /** Documents buffered before a segment is written: bounds the heap a bulk load takes. */
    private static final int RAM_BUFFER_MB = 32;
    /** How often changes made outside a bulk load become visible to searches. */
    private static final long REOPEN_MILLIS = 500;

    static final FieldType TERMS_ONLY = new FieldType();

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

    /** Index directories not yet closed, removed when the JVM stops even if their owner never closed them. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(CandidateIndex::deleteQuietly), "name-index-cleanup"));
    }

    private final Path path;
    private final MMapDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService reopener;
    /** Bulk loads under way: while any runs, changes wait for its end to become visible. */
    private final AtomicInteger bulkLoads = new AtomicInteger();
    /** Counts the refreshes that changed what searches see. */
    private final AtomicLong generation = new AtomicLong();
    private volatile ReaderTerms terms;

    CandidateIndex() {
        try {
            path = Files.createTempDirectory("name-index");
            OPEN.add(path);
            directory = new MMapDirectory(path);
            Analyzer whitespace = new WhitespaceAnalyzer();
            IndexWriterConfig config = new IndexWriterConfig(whitespace).setRAMBufferSizeMB(RAM_BUFFER_MB);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
            searchers.addListener(new ReferenceManager.RefreshListener() {
                @Override
                public void beforeRefresh() {
                }

                @Override
                public void afterRefresh(boolean didRefresh) {
                    if (didRefresh) {
                        generation.incrementAndGet();
                    }
                }
            });
            // Changes become visible to searches within half a second, without a reopen per upsert.
            reopener = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "name-index-reopen");
                thread.setDaemon(true);
                return thread;
            });
            reopener.scheduleWithFixedDelay(this::refreshUnlessLoading, REOPEN_MILLIS, REOPEN_MILLIS, TimeUnit.MILLISECONDS);
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

    /**
     * In a load into an empty index: writes the distinctive words of these names that the filter sees
     * for the first time (a set of this load's words, keyed by {@link #wordKey}).
     */
    void addWords(EntityType type, List<ParsedName> names, Predicate<String> firstTime) {
        try {
            for (String word : distinctiveWords(names)) {
                if (firstTime.test(wordKey(type, word))) {
                    writer.addDocument(WordGrams.document(type, word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the distinctive words of these names that searches do not know yet; one written meanwhile is replaced by its equal. */
    void addNewWords(EntityType type, List<ParsedName> names) {
        try {
            for (String word : distinctiveWords(names)) {
                Term term = WordGrams.term(type, word);
                if (!withSearcher(searcher -> terms(searcher).docFreq(term) > 0)) {
                    writer.updateDocuments(term, List.of(WordGrams.document(type, word)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String wordKey(EntityType type, String word) {
        return type.ordinal() + word;
    }

    private static Set<String> distinctiveWords(List<ParsedName> names) {
        Set<String> words = new HashSet<>();
        for (ParsedName name : names) {
            for (Token token : name.tokens()) {
                if (isDistinctive(token)) {
                    words.add(token.text());
                }
            }
        }
        return words;
    }

    void remove(String id) {
        try {
            writer.deleteDocuments(new Term(ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds and replaces many names at once, as at start-up; visible to searches when it returns. A
     * refresh in between would flush every indexing thread's buffer into a small segment that merges
     * then rewrite, so searches see none of it before the end.
     */
    void bulkLoad(Runnable load) {
        bulkLoads.incrementAndGet();
        try {
            load.run();
        } finally {
            bulkLoads.decrementAndGet();
        }
        refreshNow();
    }

    private void refreshUnlessLoading() {
        if (bulkLoads.get() > 0) {
            return;
        }
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            // the next round tries again; a failure here must not stop the rounds
            LOG.warn("name index refresh failed", e);
        }
    }

    void refreshNow() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Changes whenever searches start to see other names. It moves only after the new names are
     * visible, so whatever was found while it held one value was found in the index as it was then.
     */
    long generation() {
        return generation.get();
    }

    int entities() {
        return withSearcher(searcher -> searcher.count(new TermQuery(new Term(FIRST_NAME_OF_ENTITY, "1"))));
    }

    /** Whether some registered name, of any type, has this token. */
    boolean knows(String text) {
        return withSearcher(searcher -> CandidateQuery.knows(terms(searcher), text));
    }

    /** The term lookups of this searcher's reader, shared by the searches that use it. */
    private ReaderTerms terms(IndexSearcher searcher) {
        ReaderTerms current = terms;
        if (current == null || !current.isOf(searcher)) {
            current = new ReaderTerms(searcher);
            terms = current;
        }
        return current;
    }

    /** The field of this name for names of this type. */
    static String field(String name, EntityType type) {
        return name + '.' + type.name();
    }

    boolean isEmpty() {
        return writer.getDocStats().numDocs == 0;
    }

    static List<Document> documents(MatchableEntity entity, List<ParsedName> names) {
        List<Document> documents = new ArrayList<>(names.size());
        for (ParsedName name : names) {
            Document doc = new Document();
            doc.add(new StringField(ID, entity.id(), Field.Store.NO));
            doc.add(new NumericDocValuesField(TIE_ORDER, tieOrder(entity.id())));
            doc.add(new BinaryDocValuesField(RETURNED, returned(entity, name)));
            if (documents.isEmpty()) {
                doc.add(new StringField(FIRST_NAME_OF_ENTITY, "1", Field.Store.NO));
            }
            StringBuilder tokens = new StringBuilder();
            StringBuilder sounds = new StringBuilder();
            List<Token> searchable = searchable(name);
            for (int k = 0; k < searchable.size(); k++) {
                String text = searchable.get(k).text();
                tokens.append(text).append(' ');
                if (k + 1 < searchable.size()) {
                    tokens.append(text).append(searchable.get(k + 1).text()).append(' ');
                }
                if (isDistinctive(searchable.get(k))) {
                    sounds.append(TokenSimilarity.phoneticKey(text)).append(' ');
                }
            }
            EntityType type = entity.type();
            doc.add(new Field(field(TOKENS, type), tokens.toString(), TERMS_ONLY));
            doc.add(new Field(field(NEARBY, type), String.join(" ", nearbyPairs(searchable)), TERMS_ONLY));
            doc.add(new Field(field(SOUNDS, type), sounds.toString(), TERMS_ONLY));
            documents.add(doc);
        }
        return documents;
    }

    /** The names most likely to be what the readings of the query name mean, best first. */
    List<Hit> search(Collection<ParsedName> readings, int candidates) {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            Query query = CandidateQuery.of(terms(searcher), readings);
            // Counting hits exactly stops at the pool size, so top-k skipping starts at once.
            TopDocs top = searcher.search(query, new TopFieldCollectorManager(BEST_THEN_TIE_ORDER, candidates, null, candidates));
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            List<LeafReaderContext> leaves = reader.leaves();
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
                BinaryDocValues returned = leaf.reader().getBinaryDocValues(RETURNED);
                if (!returned.advanceExact(scoreDoc.doc - leaf.docBase)) {
                    throw new IllegalStateException("name without its returned fields: " + scoreDoc.doc);
                }
                hits.add(hit(returned.binaryValue()));
            }
            return hits;
        });
    }

    /** 64-bit FNV-1a of the id: the same on every JVM, and two ids share it practically never. */
    private static long tieOrder(String id) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    private static BytesRef returned(MatchableEntity entity, ParsedName name) {
        String identifiers = String.join(" ", Signals.normalised(entity.identifiers()));
        // The name last: it is the one part that may hold any character.
        String value = String.join(String.valueOf(SEPARATOR), entity.id(), entity.type().name(),
                entity.country() == null ? "" : entity.country(),
                entity.birthYear() == null ? "" : entity.birthYear().toString(), identifiers, name.written());
        return new BytesRef(value.getBytes(StandardCharsets.UTF_8));
    }

    private static Hit hit(BytesRef returned) {
        String[] parts = new String(returned.bytes, returned.offset, returned.length, StandardCharsets.UTF_8)
                .split(String.valueOf(SEPARATOR), 6);
        EntityType type = EntityType.valueOf(parts[1]);
        MatchableEntity signals = new MatchableEntity(parts[0], type, List.of(), parts[2].isEmpty() ? null : parts[2],
                parts[3].isEmpty() ? null : Integer.valueOf(parts[3]),
                parts[4].isEmpty() ? Set.of() : Set.of(parts[4].split(" ")));
        return new Hit(signals.id(), type, parts[5], signals);
    }

    /** Each two words at most {@link #NEARBY_WINDOW} apart, as one term that ignores their order. */
    static List<String> nearbyPairs(List<Token> searchable) {
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

    static boolean isDistinctive(Token token) {
        return token.kind() == Token.Kind.NAME || token.kind() == Token.Kind.COMMON;
    }

    static List<Token> searchable(ParsedName name) {
        return name.tokens().stream().filter(t -> t.kind() != Token.Kind.LEGAL).toList();
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
            reopener.shutdownNow();
            // A refresh under way finishes before the searchers it uses are closed.
            if (!reopener.awaitTermination(REOPEN_MILLIS * 10, TimeUnit.MILLISECONDS)) {
                LOG.warn("name index refresh still running at close");
            }
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(path);
            OPEN.remove(path);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            IOUtils.rm(path);
        } catch (IOException ignored) {
            // left in the temporary directory, which holds nothing else of ours
        }
    }
}
