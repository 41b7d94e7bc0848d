package org.fairrecruit.registry.matching;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.PriorityQueue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The names that enter the candidate pool: the best scores, and of names that score alike, those first
 * in tie order (a number fixed by the entity's id), then in document order, so the pool is the same
 * whatever order the names were loaded in. What Lucene's collector sorted by score and the tie order
 * finds, without visiting every tied name: the index keeps each segment's names in tie order, so once a
 * segment has passed the tie order of the pool's worst name, no later name of that segment can win a tie
 * with it, and Lucene may skip every name that scores no better (at this scale, thousands share the
 * pool's lowest score: names share words and are not weighed by length).
 */
final class CandidatePool implements Collector {

    private final String tieOrderField;
    private final Pool pool;

    private CandidatePool(String tieOrderField, int size) {
        this.tieOrderField = tieOrderField;
        this.pool = new Pool(size);
    }

    /** Finds the pool's names, best first, as document numbers of the searched reader. */
    static CollectorManager<CandidatePool, List<Integer>> of(String tieOrderField, int size) {
        return new CollectorManager<>() {
            @Override
            public CandidatePool newCollector() {
                return new CandidatePool(tieOrderField, size);
            }

            @Override
            public List<Integer> reduce(Collection<CandidatePool> pools) {
                List<Entry> all = new ArrayList<>();
                pools.forEach(each -> each.pool.forEach(all::add));
                return all.stream().sorted(Entry::compareBestFirst).limit(size).map(Entry::doc).toList();
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
        return new InSegment(leaf.docBase, DocValues.getNumeric(leaf.reader(), tieOrderField));
    }

    private final class InSegment implements LeafCollector {
        private final int docBase;
        private final NumericDocValues ties;
        private Scorable scorer;
        /** Tie order of the last name read in this segment: no later name of it comes before. */
        private long passed = Long.MIN_VALUE;
        private float minCompetitive;

        InSegment(int docBase, NumericDocValues ties) {
            this.docBase = docBase;
            this.ties = ties;
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            this.scorer = scorer;
            raiseMinCompetitive();
        }

        @Override
        public void collect(int doc) throws IOException {
            float score = scorer.score();
            boolean full = pool.full();
            if (full && score < pool.top().score) {
                return;
            }
            passed = tieOrder(doc);
            Entry entry = new Entry(score, passed, docBase + doc);
            if (!full) {
                pool.add(entry);
            } else if (entry.compareBestFirst(pool.top()) < 0) {
                pool.updateTop(entry);
            }
            raiseMinCompetitive();
        }

        private long tieOrder(int doc) throws IOException {
            if (!ties.advanceExact(doc)) {
                throw new IllegalStateException("name without its tie order: " + (docBase + doc));
            }
            return ties.longValue();
        }

        private void raiseMinCompetitive() throws IOException {
            if (!pool.full()) {
                return;
            }
            Entry worst = pool.top();
            float min = passed > worst.tie ? Math.nextUp(worst.score) : worst.score;
            if (min > minCompetitive) {
                minCompetitive = min;
                scorer.setMinCompetitiveScore(min);
            }
        }
    }

    private record Entry(float score, long tie, int doc) {
        /** The order of Lucene's collector sorted by score, then tie order: the document number last. */
        int compareBestFirst(Entry other) {
            int byScore = Float.compare(other.score, score);
            if (byScore != 0) {
                return byScore;
            }
            int byTie = Long.compare(tie, other.tie);
            return byTie != 0 ? byTie : Integer.compare(doc, other.doc);
        }
    }

    /** Worst on top. */
    private static final class Pool extends PriorityQueue<Entry> {
        private final int size;

        Pool(int size) {
            super(size);
            this.size = size;
        }

        boolean full() {
            return size() == size;
        }

        @Override
        protected boolean lessThan(Entry a, Entry b) {
            return a.compareBestFirst(b) > 0;
        }
    }
}
