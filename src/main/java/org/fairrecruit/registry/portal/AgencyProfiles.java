package org.fairrecruit.registry.portal;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.Change;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.changefeed.FeedFollower;
import org.fairrecruit.registry.database.PublicReads;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This replica's copy of the agency profiles the public asks for, so a page that goes viral costs a
 * feed check, not eight queries. Kept current from the change feed, the way the name index is:
 * before answering, one primary-key read asks whether the feed has moved past what this replica has
 * applied, and if so the follower applies the new changes first, so a change committed on any
 * replica shows on the next page read here; a scheduled poll catches transactions that commit late
 * with a lower feed id ({@link FeedFollower}). An agency's change evicts its profile; a blacklist
 * entry's change evicts every profile (its row does not name the agency, and listings change
 * rarely). A profile is kept for the day it was read on: whether a licence has run out or a listing
 * expired depends on the date. Which agency holds a licence number is kept the same way, and forgotten
 * at any agency's change (a licence given, renumbered or ended changes whose number it is). Nothing
 * here must agree across replicas; each fills its own.
 * <p>
 * With a read replica configured nothing is kept: the feed is followed on the primary, and a
 * profile re-read from a replica that lags would be kept stale.
 */
@Singleton
class AgencyProfiles {
    private record Kept(AgencyProfile profile, LocalDate day) {
    }

    private final PortalQueries queries;
    private final ChangeFeed feed;
    private final int capacity;
    private final boolean keeping;
    private final ConcurrentHashMap<Long, Kept> kept = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> holders = new ConcurrentHashMap<>();
    // Bumped by every eviction: a profile read while one happened may predate it and is not kept.
    private final AtomicLong evictions = new AtomicLong();
    private final Object following = new Object();
    private volatile FeedFollower follower;
    private volatile long applied;

    AgencyProfiles(PortalQueries queries, PublicReads reads, ChangeFeed feed,
                   @Property(name = "registry.portal.profile-cache-size", defaultValue = "5000") int capacity) {
        this.queries = queries;
        this.feed = feed;
        this.capacity = capacity;
        this.keeping = !reads.onReplica() && capacity > 0;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (keeping) {
            applied = feed.lastId();
            follower = feed.follower();
        }
    }

    /** Whether profiles are kept here: the same profile is handed out until the feed evicts it. */
    boolean keeps() {
        return keeping;
    }

    Optional<AgencyProfile> agency(long id, LocalDate today) {
        if (!keeping || follower == null) {
            return queries.agency(id, today);
        }
        catchUp();
        return kept(id, today);
    }

    /** The profile of the agency holding this licence number (as {@link PortalQueries#licenceHolder}), if any. */
    Optional<AgencyProfile> licenceHolder(String licenceNumber, LocalDate today) {
        if (!keeping || follower == null) {
            return queries.licenceHolder(licenceNumber).flatMap(id -> queries.agency(id, today));
        }
        catchUp();
        Long holder = holders.get(licenceNumber);
        if (holder == null) {
            long before = evictions.get();
            Optional<Long> read = queries.licenceHolder(licenceNumber);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            holder = read.get();
            if (holders.size() >= capacity) {
                holders.clear();
            }
            long id = holder;
            holders.compute(licenceNumber, (key, old) -> evictions.get() == before ? id : old);
        }
        return kept(holder, today);
    }

    private void catchUp() {
        long head = feed.head();
        if (head > applied) {
            followUpTo(head);
        }
    }

    private Optional<AgencyProfile> kept(long id, LocalDate today) {
        Kept hit = kept.get(id);
        if (hit != null && hit.day().equals(today)) {
            return Optional.of(hit.profile());
        }
        long before = evictions.get();
        Optional<AgencyProfile> read = queries.agency(id, today);
        read.ifPresent(profile -> {
            if (kept.size() >= capacity) {
                evictAll();
            }
            // Inside the key's lock: an eviction either ran before (the count moved: not kept) or removes it after.
            kept.compute(id, (key, old) -> evictions.get() == before ? new Kept(profile, today) : old);
        });
        return read;
    }

    /** Applies committed changes not applied yet, late ones included. */
    @Scheduled(fixedDelay = "${registry.portal.follow-interval:1s}", initialDelay = "${registry.portal.follow-interval:1s}")
    void followChanges() {
        followUpTo(0);
    }

    /** Applies what is committed; {@code head}: a feed id read before, so every change up to it is applied after. */
    private void followUpTo(long head) {
        FeedFollower current = follower;
        if (current != null) {
            synchronized (following) {
                current.poll(this::apply);
                applied = Math.max(applied, head);
            }
        }
    }

    private void apply(Change change) {
        if (change.kind() == EntityKind.AGENCY) {
            evictions.incrementAndGet();
            kept.remove(change.entityId());
            holders.clear();
        } else if (change.kind() == EntityKind.BLACKLIST_ENTRY) {
            evictAll();
        }
        applied = Math.max(applied, change.id());
    }

    private void evictAll() {
        evictions.incrementAndGet();
        kept.clear();
    }
}
