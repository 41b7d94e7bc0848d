package org.fairrecruit.registry.matching;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Search results of one index generation. A result is returned only while the index still has the
 * generation it was found in, and the whole cache is dropped as soon as a search sees a newer one,
 * so a change to a name is never hidden behind a kept result. Nothing here must agree across
 * replicas: each follows the change feed into its own index. Emptied when it holds too many matches,
 * which bounds its heap (a match is a few hundred bytes: about 15 MB at most).
 */
final class ResultCache {

    private static final int MOST_MATCHES = 50_000;

    private record Key(MatchQuery query, int limit) {
    }

    private record Kept(long generation, List<Match> matches) {
    }

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicInteger matchesKept = new AtomicInteger();
    private volatile long newestGeneration;

    List<Match> get(MatchQuery query, int limit, long generation, Supplier<List<Match>> search) {
        if (generation != newestGeneration) {
            if (generation < newestGeneration) {
                return search.get();
            }
            newestGeneration = generation;
            clear();
        }
        Key key = new Key(query, limit);
        Kept found = kept.get(key);
        if (found != null && found.generation() == generation) {
            return found.matches();
        }
        List<Match> matches = search.get();
        if (matchesKept.addAndGet(matches.size() + 1) > MOST_MATCHES) {
            clear();
        }
        kept.put(key, new Kept(generation, matches));
        return matches;
    }

    private void clear() {
        kept.clear();
        matchesKept.set(0);
    }
}
