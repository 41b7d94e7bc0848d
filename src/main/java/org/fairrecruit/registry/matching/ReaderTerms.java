package org.fairrecruit.registry.matching;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each looked-up term sits in one index reader (a seek in every segment), kept for as long as
 * searches use that reader: the same common words, trigrams, sound keys and word pairs come back in
 * search after search, and a search asks for a word several times (whether the registry knows it, then
 * its clause). Terms no name has (mostly typos, each asked once or twice) are kept apart, so they do not
 * push out the common ones. A refresh makes a new reader and so a new, empty set; nothing here outlives
 * what it describes. Each part is emptied when full, which bounds its heap.
 */
final class ReaderTerms {

    private static final int MOST_TERMS = 20_000;

    private final IndexSearcher searcher;
    private final Map<Term, TermStates> states = new ConcurrentHashMap<>();
    private final Set<Term> absent = ConcurrentHashMap.newKeySet();

    ReaderTerms(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    boolean isOf(IndexSearcher other) {
        return searcher.getIndexReader() == other.getIndexReader();
    }

    IndexReader reader() {
        return searcher.getIndexReader();
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /** Names of this reader that hold the term. */
    int docFreq(Term term) {
        return states(term).docFreq();
    }

    /** A clause for the term that does not look it up again. */
    TermQuery query(Term term) {
        return new TermQuery(term, states(term));
    }

    private TermStates states(Term term) {
        TermStates known = states.get(term);
        if (known != null) {
            return known;
        }
        if (absent.contains(term)) {
            return new TermStates(searcher.getTopReaderContext());
        }
        try {
            known = TermStates.build(searcher, term, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (known.docFreq() > 0) {
            if (states.size() >= MOST_TERMS) {
                states.clear();
            }
            states.put(term, known);
        } else {
            if (absent.size() >= MOST_TERMS) {
                absent.clear();
            }
            absent.add(term);
        }
        return known;
    }
}
