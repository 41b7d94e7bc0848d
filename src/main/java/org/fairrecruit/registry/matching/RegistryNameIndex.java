package org.fairrecruit.registry.matching;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.Change;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.changefeed.FeedFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * This replica's in-process name index over every searchable record. Loaded in full at start-up,
 * then kept current by following the change feed every second ({@link FeedFollower}: nothing is
 * missed however late a transaction commits), so a committed change is searchable on every replica
 * within a couple of seconds. Nothing here must agree across replicas: each
 * rebuilds from the database.
 */
@Singleton
public class RegistryNameIndex {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryNameIndex.class);

    /**
     * Records read from a source at once. The whole blacklist at once (1.1 M rows) made the 200 MB heap of
     * production collect in full dozens of times during the load; a page is one quick keyset query.
     */
    private static final int PAGE = 10_000;

    private final NameMatcher matcher;
    private final ChangeFeed feed;
    private final Map<EntityKind, NameSource> sources = new EnumMap<>(EntityKind.class);
    private final Object following = new Object();
    private volatile FeedFollower follower;
    private volatile boolean loaded;

    RegistryNameIndex(MatchingSettings settings, ChangeFeed feed, List<NameSource> sources) {
        this.matcher = new NameMatcher(settings.rules());
        this.feed = feed;
        sources.forEach(source -> this.sources.put(source.kind(), source));
    }

    @EventListener
    void onStartup(StartupEvent event) {
        long started = System.nanoTime();
        // The follower first: whatever commits while the sources load is applied again, harmlessly.
        FeedFollower fromNow = feed.follower();
        LongAdder reading = new LongAdder();
        // One bulk load: the sources' ids differ, so no source replaces what another loaded.
        matcher.upsertAll(sources.values().stream().flatMap(source -> pages(source, reading)));
        follower = fromNow;
        loaded = true;
        LOG.info("name index loaded: {} entities in {} ms, of which {} ms reading the sources", matcher.size(),
                (System.nanoTime() - started) / 1_000_000, reading.sum() / 1_000_000);
    }

    /** The source's records a page at a time, each page read only once the one before is indexed. */
    private static Stream<List<MatchableEntity>> pages(NameSource source, LongAdder reading) {
        return Stream.iterate(read(source, 0, reading), page -> !page.isEmpty(),
                        page -> page.size() < PAGE ? Collections.emptySortedMap() : read(source, page.lastKey(), reading))
                .map(page -> List.copyOf(page.values()));
    }

    private static SortedMap<Long, MatchableEntity> read(NameSource source, long afterId, LongAdder reading) {
        long began = System.nanoTime();
        SortedMap<Long, MatchableEntity> page = source.page(afterId, PAGE);
        reading.add(System.nanoTime() - began);
        return page;
    }

    /** Whether every record of every source has been loaded, so searches see the whole registry. */
    public boolean isLoaded() {
        return loaded;
    }

    public List<Match> search(MatchQuery query, int limit) {
        return matcher.search(query, limit);
    }

    /** Compares a query with one entity outside the index (e.g. a short list loaded for screening). */
    public Optional<Match> compare(MatchQuery query, MatchableEntity candidate) {
        return matcher.compare(query, candidate);
    }

    /** Applies committed changes not yet applied; returns how many it applied. */
    @Scheduled(fixedDelay = "${registry.matching.follow-interval:1s}", initialDelay = "${registry.matching.follow-interval:1s}")
    public int followChanges() {
        FeedFollower current = follower;
        if (current == null) {
            return 0;
        }
        synchronized (following) {
            int applied = current.poll(this::apply);
            if (applied > 0) {
                // Visible to the next search on this replica, not half a second later.
                matcher.refresh();
            }
            return applied;
        }
    }

    private void apply(Change change) {
        NameSource source = sources.get(change.kind());
        if (source == null) {
            return;
        }
        source.one(change.entityId()).ifPresentOrElse(matcher::upsert,
                () -> matcher.remove(source.matcherId(change.entityId())));
    }

    @PreDestroy
    void close() {
        matcher.close();
    }
}
