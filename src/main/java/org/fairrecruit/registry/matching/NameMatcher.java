package org.fairrecruit.registry.matching;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds registered agencies and persons by any of their names, forgiving spelling, script,
 * word order, legal forms and abbreviations, and says what it forgave.
 *
 * <p>Searches are safe while other threads upsert; a change is visible to searches within a second.
 * Results are kept for repeated queries (a viral warning brings the same few names thousands of times
 * a minute) only as long as the index shows the same names: the first search after a change is
 * computed afresh.
 */
public final class NameMatcher implements AutoCloseable {

    private static final Lexicon LEXICON = Lexicon.load();

    private final MatchingRules rules;
    private final NameParser parser = new NameParser(LEXICON);
    private final Normalizer normalizer = new Normalizer();
    private final NameScorer scorer = new NameScorer();
    private final CandidateIndex index = new CandidateIndex();
    private final ResultCache results = new ResultCache();

    public NameMatcher(MatchingRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Replaces all names of the entity with this id. */
    public void upsert(MatchableEntity entity) {
        List<ParsedName> names = parseNames(entity);
        index.replace(entity.id(), CandidateIndex.documents(entity, names));
        index.addNewWords(entity.type(), names);
    }

    /**
     * Loads many entities at once, as at start-up; visible to searches when it returns. Ids must be
     * unique within one call.
     */
    public void upsertAll(Collection<MatchableEntity> entities) {
        upsertAll(Stream.of(entities));
    }

    /**
     * Loads batches of entities (e.g. one per source, each read only once the one before is indexed)
     * as one bulk load, visible to searches when it returns. Ids must be unique across all batches.
     */
    public void upsertAll(Stream<? extends Collection<MatchableEntity>> batches) {
        // An empty index has nothing to replace, and skipping the delete-by-id makes a start-up load much faster.
        boolean fresh = index.isEmpty();
        Set<String> wordsWritten = ConcurrentHashMap.newKeySet();
        index.bulkLoad(() -> batches.forEachOrdered(batch -> batch.parallelStream().forEach(entity -> {
            List<ParsedName> names = parseNames(entity);
            var documents = CandidateIndex.documents(entity, names);
            if (fresh) {
                index.add(documents);
                index.addWords(entity.type(), names, wordsWritten::add);
            } else {
                index.replace(entity.id(), documents);
                index.addNewWords(entity.type(), names);
            }
        })));
    }

    public void remove(String id) {
        index.remove(id);
    }

    /** Makes every change made so far visible to the searches that start after it returns. */
    void refresh() {
        index.refreshNow();
    }

    /** Number of entities, as searches currently see them. */
    public int size() {
        index.refreshNow();
        return index.entities();
    }

    /** Best first; only results at or above the POSSIBLE threshold. */
    public List<Match> search(MatchQuery query, int limit) {
        if (query.name() == null || query.name().isBlank() || limit <= 0) {
            return List.of();
        }
        // Read before searching: a result found while the index changes is kept under the older
        // generation, which the change has already made stale.
        long generation = index.generation();
        return results.get(query, limit, generation, () -> searchIndex(query, limit));
    }

    private List<Match> searchIndex(MatchQuery query, int limit) {
        Map<EntityType, ParsedName> readings = readings(query);
        return rescored(query, readings, index.search(readings.values(), rules.candidates()), limit);
    }

    /** The best of the candidates the index found, judged by the whole name and what is known of each entity. */
    private List<Match> rescored(MatchQuery query, Map<EntityType, ParsedName> readings, List<CandidateIndex.Hit> hits, int limit) {
        Map<String, Judged> best = new HashMap<>();
        ScoringSession session = new ScoringSession(index::knows, LEXICON);
        // Many entities share a name ("Ram Bahadur Thapa"): each written name is read and scored once.
        Map<String, Named> named = new HashMap<>();
        for (CandidateIndex.Hit hit : hits) {
            Named name = named.computeIfAbsent(hit.type().ordinal() + hit.name(),
                    key -> named(readings.get(hit.type()), parser.parse(hit.name(), hit.type()), session));
            Judged judged = judge(name, query, hit.id(), hit.signals());
            if (judged.score >= rules.possibleThreshold()) {
                best.merge(hit.id(), judged, Judged::better);
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble((Judged j) -> -j.score).thenComparing(j -> j.id))
                .limit(limit)
                .map(Judged::toMatch)
                .toList();
    }

    /** Compares a query with one known entity, without the index: the best of its names, if any is close enough. */
    public Optional<Match> compare(MatchQuery query, MatchableEntity candidate) {
        if (query.type() != null && query.type() != candidate.type()) {
            return Optional.empty();
        }
        ParsedName reading = parser.parse(query.name(), candidate.type());
        ScoringSession session = new ScoringSession(index::knows, LEXICON);
        return parseNames(candidate).stream()
                .map(name -> judge(named(reading, name, session), query, candidate.id(), candidate))
                .filter(judged -> judged.score >= rules.possibleThreshold())
                .max(Comparator.comparingDouble(judged -> judged.score))
                .map(Judged::toMatch);
    }

    /** A scored name, explained only if it is returned. */
    private final class Judged {
        private final String id;
        private final ParsedName name;
        private final double score;
        private final NameScorer.Scored scored;
        private final String signalNotes;

        Judged(String id, ParsedName name, double score, NameScorer.Scored scored, String signalNotes) {
            this.id = id;
            this.name = name;
            this.score = score;
            this.scored = scored;
            this.signalNotes = signalNotes;
        }

        /** The better of two names of one entity; of two that score alike, the first in text order, whatever order the pool had. */
        Judged better(Judged other) {
            int byScore = Double.compare(score, other.score);
            return byScore > 0 || (byScore == 0 && name.written().compareTo(other.name.written()) <= 0) ? this : other;
        }

        Match toMatch() {
            Verdict verdict = score >= rules.matchThreshold() ? Verdict.MATCH : Verdict.POSSIBLE;
            return new Match(id, name.type(), name.written(), round(score), verdict, scored.explanation() + signalNotes);
        }
    }

    /** A candidate name and how well the query names it, before what is known of its entity. */
    private record Named(ParsedName name, NameScorer.Scored scored) {
    }

    private Named named(ParsedName reading, ParsedName candidate, ScoringSession session) {
        return new Named(candidate, scorer.score(reading, candidate, session));
    }

    private Judged judge(Named named, MatchQuery query, String id, MatchableEntity known) {
        Signals.Adjusted adjusted = Signals.apply(named.scored().score(), query, known.country(), known.birthYear(),
                known.identifiers(), rules);
        return new Judged(id, named.name(), adjusted.score(), named.scored(), adjusted.notes());
    }

    private Map<EntityType, ParsedName> readings(MatchQuery query) {
        var words = normalizer.words(query.name());
        Map<EntityType, ParsedName> readings = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            if (query.type() == null || query.type() == type) {
                readings.put(type, parser.parse(query.name(), words, type));
            }
        }
        return readings;
    }

    private List<ParsedName> parseNames(MatchableEntity entity) {
        return entity.names().stream()
                .filter(name -> name != null && !name.isBlank())
                .map(name -> parser.parse(name, entity.type()))
                .toList();
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    @Override
    public void close() {
        index.close();
    }
}
