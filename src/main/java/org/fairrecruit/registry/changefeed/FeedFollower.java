package org.fairrecruit.registry.changefeed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Follows the change feed for one replica and misses nothing, with no fixed window. Feed ids are
 * allocated at insert but become visible at commit, so a lower id can appear long after a higher
 * one (a 100,000-row import committing after a one-row edit that started later). The follower
 * remembers every id below the highest it has seen that it has not seen yet, as ranges, and asks
 * for exactly those ranges again on every poll (primary-key range reads), however far back they
 * lie, until they appear. An id that never appears (its transaction rolled back) is forgotten
 * once no transaction could still hold it: after {@code registry.changefeed.gap-lifetime}.
 * Not thread-safe: one poller at a time (callers synchronise).
 */
public final class FeedFollower {
    private static final int PAGE = 1_000;

    private record Gap(long last, Instant since) {
    }

    private final ChangeFeed feed;
    private final Duration gapLifetime;
    private final Clock clock;
    // First id of each range not seen yet → its last id and when it was noticed.
    private final TreeMap<Long, Gap> gaps = new TreeMap<>();
    private long highest;

    FeedFollower(ChangeFeed feed, long highest, List<Long> recentIds, long recentFrom, Duration gapLifetime, Clock clock) {
        this.feed = feed;
        this.highest = highest;
        this.gapLifetime = gapLifetime;
        this.clock = clock;
        Instant now = Instant.now(clock);
        long expected = recentFrom;
        for (long id : recentIds) {
            noteGap(expected, id - 1, now);
            expected = id + 1;
        }
        noteGap(expected, highest, now);
    }

    /** Ids not yet seen below the highest seen (for tests and diagnostics). */
    public long pendingIds() {
        return gaps.entrySet().stream().mapToLong(e -> e.getValue().last() - e.getKey() + 1).sum();
    }

    /** Hands every change committed since the last poll to {@code apply}, oldest id first per range; returns how many. */
    public int poll(Consumer<Change> apply) {
        Instant now = Instant.now(clock);
        int applied = refill(apply);
        List<Change> page;
        do {
            page = feed.after(highest, PAGE);
            for (Change change : page) {
                noteGap(highest + 1, change.id() - 1, now);
                highest = change.id();
                apply.accept(change);
                applied++;
            }
        } while (page.size() == PAGE);
        gaps.values().removeIf(gap -> gap.since().plus(gapLifetime).isBefore(now));
        return applied;
    }

    /** Reads every remembered range again; what appeared is applied and cut out of its range. */
    private int refill(Consumer<Change> apply) {
        int applied = 0;
        for (Map.Entry<Long, Gap> entry : new ArrayList<>(gaps.entrySet())) {
            long first = entry.getKey();
            Gap gap = entry.getValue();
            long expected = first;
            List<Change> page;
            boolean changed = false;
            do {
                page = feed.between(expected - 1, gap.last(), PAGE);
                for (Change change : page) {
                    if (!changed) {
                        gaps.remove(first);
                        changed = true;
                    }
                    noteGap(expected, change.id() - 1, gap.since());
                    expected = change.id() + 1;
                    apply.accept(change);
                    applied++;
                }
            } while (page.size() == PAGE);
            if (changed) {
                noteGap(expected, gap.last(), gap.since());
            }
        }
        return applied;
    }

    private void noteGap(long first, long last, Instant since) {
        if (first <= last) {
            gaps.put(first, new Gap(last, since));
        }
    }
}
