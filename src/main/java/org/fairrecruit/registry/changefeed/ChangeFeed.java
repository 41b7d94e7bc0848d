package org.fairrecruit.registry.changefeed;

import io.micronaut.context.annotation.Property;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.PublicReads;
import org.fairrecruit.registry.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * An ordered log of changes to public records. Writers append in their own transaction, so a
 * change is announced exactly when it commits; readers page through it by id.
 */
@Singleton
public class ChangeFeed {
    private static final int RECENT = 1_000;
    private static final String SELECT = "SELECT id, entity_kind, entity_id, changed_at FROM change_feed ";
    private final Sql sql;
    private final Clock clock;
    private final SharedRead head;

    private final Duration gapLifetime;

    ChangeFeed(Sql sql, PublicReads reads, Clock clock,
               @Property(name = "registry.changefeed.gap-lifetime", defaultValue = "1h") Duration gapLifetime) {
        this.sql = sql;
        this.clock = clock;
        this.gapLifetime = gapLifetime;
        this.head = new SharedRead(() -> reads.one("SELECT COALESCE(MAX(id), 0) FROM change_feed", rs -> rs.getLong(1)).orElse(0L));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(EntityKind kind, long entityId) {
        sql.update("INSERT INTO change_feed (entity_kind, entity_id, changed_at) VALUES (?, ?, ?)", kind, entityId,
                Instant.now(clock));
    }

    /** Many changes at once, as a bulk import makes them: batched statements. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(EntityKind kind, Collection<Long> entityIds) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        sql.insertAll("INSERT INTO change_feed (entity_kind, entity_id, changed_at) VALUES (?, ?, ?)",
                List.copyOf(entityIds), (ps, id) -> {
                    ps.setString(1, kind.name());
                    ps.setLong(2, id);
                    ps.setTimestamp(3, now);
                }, rows -> { });
    }

    /** Changes with {@code afterId < id <= upToId}, oldest first: a primary-key range read. */
    @Transactional(readOnly = true)
    public List<Change> between(long afterId, long upToId, int limit) {
        return sql.list(SELECT + "WHERE id > ? AND id <= ? ORDER BY id LIMIT ?", ChangeFeed::change, afterId, upToId, limit);
    }

    /**
     * A follower that starts from what is committed now. Ids below the newest that are not visible
     * yet and were allocated within the gap lifetime (transactions still running) are remembered,
     * so a replica starting during a long import still sees all of it.
     */
    @Transactional(readOnly = true)
    public FeedFollower follower() {
        long newest = lastId();
        Instant cutoff = Instant.now(clock).minus(gapLifetime);
        List<Long> recent = new ArrayList<>();
        long from = 1;
        long before = newest + 1;
        outer:
        while (true) {
            List<Change> page = sql.list(SELECT + "WHERE id < ? ORDER BY id DESC LIMIT 1000", ChangeFeed::change, before);
            for (Change change : page) {
                if (change.changedAt().isBefore(cutoff)) {
                    from = change.id() + 1;
                    break outer;
                }
                recent.add(change.id());
                before = change.id();
            }
            if (page.size() < 1000) {
                break;
            }
        }
        Collections.reverse(recent);
        return new FeedFollower(this, newest, recent, from, gapLifetime, clock);
    }

    /**
     * Changes after {@code afterId}, oldest first. Ids are allocated at insert and rows become
     * visible at commit, so a lower id can appear after a higher one: follow with {@link #follower()}.
     */
    @Transactional(readOnly = true)
    public List<Change> after(long afterId, int limit) {
        return sql.list(SELECT + "WHERE id > ? ORDER BY id LIMIT ?", ChangeFeed::change, afterId, limit);
    }

    private static Change change(ResultSet rs) throws SQLException {
        return new Change(rs.getLong(1), EntityKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getTimestamp(4).toInstant());
    }

    /** The newest changes, newest first. */
    @Transactional(readOnly = true)
    public List<Change> latest(int limit) {
        return sql.list(SELECT + "ORDER BY id DESC LIMIT ?", ChangeFeed::change, limit);
    }

    /**
     * Where the feed stands, cheaply (a primary-key range of at most {@value #RECENT} rows): the
     * newest id, how many rows lie within {@value #RECENT} ids of it (which changes when a
     * transaction holding a lower id commits late), and the newest time among them.
     */
    @Transactional(readOnly = true)
    public FeedPosition position() {
        return sql.one("SELECT COALESCE(MAX(id), 0), COUNT(*), MAX(changed_at) AS newest FROM change_feed "
                + "WHERE id > (SELECT COALESCE(MAX(id), 0) FROM change_feed) - " + RECENT,
                rs -> new FeedPosition(rs.getLong(1), rs.getLong(2), Sql.instant(rs, "newest"))).orElseThrow();
    }

    /** The position of a point in time: the changes after the returned id are those made after {@code time}. */
    @Transactional(readOnly = true)
    public long positionAt(Instant time) {
        return sql.count("SELECT COALESCE(MIN(id), (SELECT COALESCE(MAX(id), 0) + 1 FROM change_feed)) - 1 "
                + "FROM change_feed WHERE changed_at > ?", time);
    }

    @Transactional(readOnly = true)
    public long lastId() {
        return sql.count("SELECT COALESCE(MAX(id), 0) FROM change_feed");
    }

    /**
     * {@link #lastId()} as a public read asks it, once per page: one primary-key read without a
     * transaction, shared by the pages that ask while it runs ({@link SharedRead}).
     */
    public long head() {
        return head.get();
    }
}
