package org.fairrecruit.registry.sanction;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.database.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A listing leaves the public list by itself the day after its expiry date: the public files read
 * it by date already, and this job records that it happened (audit entry, actor "system") and
 * announces it on the change feed, so every replica's name index drops it. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so any number of replicas can run it and each listing expires once.
 */
@Singleton
public class BlacklistExpiry {
    private static final Logger LOG = LoggerFactory.getLogger(BlacklistExpiry.class);
    private static final int BATCH = 200;
    private final Sql sql;
    private final AuditLog audit;
    private final ChangeFeed feed;
    private final Clock clock;

    BlacklistExpiry(Sql sql, AuditLog audit, ChangeFeed feed, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.feed = feed;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${registry.blacklist.expiry-interval}", initialDelay = "${registry.blacklist.expiry-interval}")
    void poll() {
        try {
            while (expireDue() == BATCH) {
                LOG.debug("full batch of expired listings processed, continuing");
            }
        } catch (RuntimeException e) {
            LOG.warn("blacklist expiry round failed: {}", e.toString());
        }
    }

    /** Marks one batch of listings whose expiry date has passed; returns how many. */
    @Transactional
    public int expireDue() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Expired> due = sql.list("SELECT id, expires_on FROM blacklist_entry "
                + "WHERE expiry_processed_at IS NULL AND delisted_on IS NULL AND expires_on < ? "
                + "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> new Expired(rs.getLong(1), Sql.date(rs, "expires_on")), today, BATCH);
        due.forEach(listing -> expire(listing, now));
        if (!due.isEmpty()) {
            LOG.info("{} blacklist listings expired", due.size());
        }
        return due.size();
    }

    private void expire(Expired listing, Instant now) {
        sql.update("UPDATE blacklist_entry SET expiry_processed_at = ? WHERE id = ?", now, listing.id());
        audit.record(AuditEvent.of("system", "blacklist.expired", "blacklist_entry", listing.id())
                        .because("expiry date " + listing.expiresOn() + " has passed"),
                Map.of("expiresOn", listing.expiresOn().toString(), "public", true),
                Map.of("expiresOn", listing.expiresOn().toString(), "public", false));
        feed.record(EntityKind.BLACKLIST_ENTRY, listing.id());
    }

    private record Expired(long id, LocalDate expiresOn) {
    }
}
