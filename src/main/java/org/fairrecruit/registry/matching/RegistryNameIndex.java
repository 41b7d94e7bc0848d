package org.fairrecruit.registry.matching;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.Change;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * This replica's in-process name index over every searchable record. Loaded in full at start-up,
 * then kept current by following the change feed every second, so a committed change is searchable
 * on every replica within a couple of seconds. Nothing here must agree across replicas: each
 * rebuilds from the database.
 */
@Singleton
public class RegistryNameIndex {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryNameIndex.class);
    // Feed ids are allocated at insert but visible at commit; re-reading this many ids behind the
    // newest seen catches a transaction that committed after a later one.
    private static final int REPLAY_MARGIN = 500;
    private static final int PAGE = 1_000;

    private final NameMatcher matcher;
    private final ChangeFeed feed;
    private final Map<EntityKind, NameSource> sources = new EnumMap<>(EntityKind.class);
    private final TreeSet<Long> applied = new TreeSet<>();
    private volatile boolean loaded;

    RegistryNameIndex(MatchingSettings settings, ChangeFeed feed, List<NameSource> sources) {
        this.matcher = new NameMatcher(settings.rules());
        this.feed = feed;
        sources.forEach(source -> this.sources.put(source.kind(), source));
    }

    @EventListener
    void onStartup(StartupEvent event) {
        long started = System.nanoTime();
        long feedPosition = feed.lastId();
        sources.values().forEach(source -> matcher.upsertAll(source.all()));
        synchronized (applied) {
            applied.add(feedPosition);
        }
        loaded = true;
        LOG.info("name index loaded: {} entities in {} ms", matcher.size(), (System.nanoTime() - started) / 1_000_000);
    }

    public List<Match> search(MatchQuery query, int limit) {
        return matcher.search(query, limit);
    }

    /** Compares a query with one entity outside the index (e.g. a short list loaded for screening). */
    public Optional<Match> compare(MatchQuery query, MatchableEntity candidate) {
        return matcher.compare(query, candidate);
    }

    /** Applies committed changes not yet applied; returns how many it applied. */
    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    public int followChanges() {
        if (!loaded) {
            return 0;
        }
        synchronized (applied) {
            int count = 0;
            long from = Math.max(0, applied.last() - REPLAY_MARGIN);
            List<Change> changes;
            do {
                changes = feed.after(from, PAGE);
                for (Change change : changes) {
                    if (applied.add(change.id())) {
                        apply(change);
                        count++;
                    }
                    from = change.id();
                }
            } while (changes.size() == PAGE);
            applied.headSet(applied.last() - REPLAY_MARGIN).clear();
            return count;
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
