package org.fairrecruit.registry.screening;

import org.fairrecruit.registry.kernel.PublicId;
import io.micronaut.context.annotation.Property;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.Change;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.licensing.AgencyStandings;
import org.fairrecruit.registry.notification.MailComposer;
import org.fairrecruit.registry.notification.Outbox;
import org.fairrecruit.registry.notification.Webhooks;
import org.fairrecruit.registry.sanction.PublishedBlacklist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Follows the change feed and tells watchers when a watched agency's licence status, validity or
 * blacklisting changed. One replica at a time follows (the cursor row is claimed with SKIP LOCKED);
 * each watch remembers the state it last announced, and a watcher is told only when the state now
 * differs from it, so re-reading a change (feed ids become visible at commit, out of order, hence
 * the replay margin) never notifies twice. The alert and the new state commit together with the
 * outbox messages; e-mail and webhook leave after commit.
 */
@Singleton
class WatchAlerts {
    static final String EVENT = "agency.changed";
    private static final Logger LOG = LoggerFactory.getLogger(WatchAlerts.class);
    private static final int REPLAY_MARGIN = 500;
    private static final int PAGE = 1_000;
    private final Sql sql;
    private final ChangeFeed feed;
    private final AgencyStandings standings;
    private final PublishedBlacklist blacklist;
    private final Outbox outbox;
    private final MailComposer mail;
    private final Webhooks webhooks;
    private final Watches watches;
    private final Clock clock;
    private final String publicBaseUrl;

    WatchAlerts(Sql sql, ChangeFeed feed, AgencyStandings standings, PublishedBlacklist blacklist, Outbox outbox,
                MailComposer mail, Webhooks webhooks, Watches watches, Clock clock,
                @Property(name = "registry.public-base-url") String publicBaseUrl) {
        this.sql = sql;
        this.feed = feed;
        this.standings = standings;
        this.blacklist = blacklist;
        this.outbox = outbox;
        this.mail = mail;
        this.webhooks = webhooks;
        this.watches = watches;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    private record Watched(long id, long agencyId, String email, Long endpointId, String language, String lastState) {
    }

    @Scheduled(fixedDelay = "${registry.screening.watch-poll-interval}", initialDelay = "${registry.screening.watch-poll-interval}")
    void poll() {
        try {
            followChanges();
        } catch (RuntimeException e) {
            LOG.warn("watch alert round failed: {}", e.toString());
        }
    }

    /** Reads the feed past the cursor and alerts; returns how many alerts it queued (0 if another replica follows). */
    @Transactional
    public int followChanges() {
        var cursor = sql.one("SELECT last_change FROM screening_watch_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED",
                rs -> rs.getLong(1));
        if (cursor.isEmpty()) {
            return 0;
        }
        long seen = cursor.get();
        Map<Long, Long> agencyChanges = new HashMap<>();
        boolean newListingChange = false;
        long newest = seen;
        // A first run starts near the feed's end: every watch took the agency's state when it was made.
        long from = Math.max(0, (seen == 0 ? feed.lastId() : seen) - REPLAY_MARGIN);
        List<Change> changes;
        do {
            changes = feed.after(from, PAGE);
            for (Change change : changes) {
                if (change.kind() == EntityKind.AGENCY) {
                    agencyChanges.merge(change.entityId(), change.id(), Math::max);
                } else if (change.id() > seen) {
                    // A listing's agency is not in the feed row; a new listing change re-checks every watch.
                    newListingChange = true;
                }
                newest = Math.max(newest, change.id());
                from = change.id();
            }
        } while (changes.size() == PAGE);
        List<Watched> watched = watched(newListingChange ? null : agencyChanges.keySet());
        int alerts = alert(watched, agencyChanges, newest);
        if (newest != seen) {
            sql.update("UPDATE screening_watch_cursor SET last_change = ? WHERE id = 1", newest);
        }
        return alerts;
    }

    /** Live watches on these agencies (null: on any agency), locked while they are compared. */
    private List<Watched> watched(Set<Long> agencyIds) {
        String select = "SELECT id, agency_id, email, endpoint_id, language, last_state FROM screening_watch "
                + "WHERE deleted_at IS NULL";
        Sql.RowMapper<Watched> row = rs -> new Watched(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5), rs.getString(6));
        if (agencyIds == null) {
            return sql.list(select + " ORDER BY id FOR UPDATE", row);
        }
        List<Long> ids = List.copyOf(agencyIds);
        List<Watched> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += PAGE) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + PAGE));
            found.addAll(sql.list(select + " AND agency_id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?"))
                    + ") ORDER BY id FOR UPDATE", row, chunk.toArray()));
        }
        return found;
    }

    private int alert(List<Watched> watched, Map<Long, Long> agencyChanges, long newest) {
        if (watched.isEmpty()) {
            return 0;
        }
        Set<Long> agencyIds = new LinkedHashSet<>();
        watched.forEach(w -> agencyIds.add(w.agencyId()));
        Map<Long, AgencyStandings.Standing> now = standings.of(agencyIds);
        Set<Long> listed = blacklist.listedAgencies(agencyIds, LocalDate.now(clock));
        int alerts = 0;
        for (Watched watch : watched) {
            AgencyState after = AgencyState.of(now.get(watch.agencyId()), listed.contains(watch.agencyId()));
            if (after.encoded().equals(watch.lastState())) {
                continue;
            }
            long changeId = agencyChanges.getOrDefault(watch.agencyId(), newest);
            notify(watch, AgencyState.decode(watch.lastState()), after, changeId,
                    now.containsKey(watch.agencyId()) ? now.get(watch.agencyId()).legalName() : "");
            sql.update("UPDATE screening_watch SET last_state = ? WHERE id = ?", after.encoded(), watch.id());
            alerts++;
        }
        return alerts;
    }

    private void notify(Watched watch, AgencyState before, AgencyState after, long changeId, String agencyName) {
        String agencyId = PublicId.AGENCY.of(watch.agencyId());
        String url = publicBaseUrl + "/agencies/" + watch.agencyId();
        Instant at = Instant.now(clock);
        String key = "msg_watch_" + watch.id() + "_" + changeId;
        if (watch.endpointId() != null) {
            webhooks.enqueue(watch.endpointId(), key, EVENT, watches.write(Map.of("type", EVENT, "timestamp", at.toString(),
                    "data", Map.of("watchId", watch.id(), "agencyId", agencyId, "name", agencyName, "url", url,
                            "before", before, "after", after))));
        }
        if (watch.email() != null) {
            // The subject reads the model's first value: the agency's name.
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("agencyName", agencyName);
            model.put("agencyId", agencyId);
            model.put("url", url);
            model.put("before", before.asText());
            model.put("after", after.asText());
            outbox.enqueueEmail(watch.email(), key, mail.compose("watch-alert", Locale.forLanguageTag(watch.language()), model));
        }
    }
}
