package org.fairrecruit.registry.changefeed;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An ordered log of changes to public records. Writers append in their own transaction, so a
 * change is announced exactly when it commits; readers page through it by id.
 */
@Singleton
public class ChangeFeed {
    private static final int RECENT = 1_000;
    private final JdbcOperations jdbc;
    private final Clock clock;

    private final Duration gapLifetime;

    ChangeFeed(JdbcOperations jdbc, Clock clock,
               @Property(name = "registry.changefeed.gap-lifetime", defaultValue = "1h") Duration gapLifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.gapLifetime = gapLifetime;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(EntityKind kind, long entityId) {
        jdbc.prepareStatement("INSERT INTO change_feed (entity_kind, entity_id, changed_at) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, kind.name());
            ps.setLong(2, entityId);
            ps.setTimestamp(3, Timestamp.from(Instant.now(clock)));
            return ps.executeUpdate();
        });
    }

    /** Many changes at once, as a bulk import makes them: one batched statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(EntityKind kind, Collection<Long> entityIds) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.prepareStatement("INSERT INTO change_feed (entity_kind, entity_id, changed_at) VALUES (?, ?, ?)", ps -> {
            for (long id : entityIds) {
                ps.setString(1, kind.name());
                ps.setLong(2, id);
                ps.setTimestamp(3, now);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /**
     * Changes after {@code afterId}, oldest first. Ids are allocated at insert and rows become
     * visible at commit, so a lower id can appear after a higher one: follow with {@link #follower()}.
     */
    /** Changes with {@code afterId < id <= upToId}, oldest first: a primary-key range read. */
    @Transactional(readOnly = true)
    public List<Change> between(long afterId, long upToId, int limit) {
        return jdbc.prepareStatement("SELECT id, entity_kind, entity_id, changed_at FROM change_feed "
                + "WHERE id > ? AND id <= ? ORDER BY id LIMIT ?", ps -> {
            ps.setLong(1, afterId);
            ps.setLong(2, upToId);
            ps.setInt(3, limit);
            return read(ps.executeQuery());
        });
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
            long upper = before;
            List<Change> page = jdbc.prepareStatement("SELECT id, entity_kind, entity_id, changed_at FROM change_feed "
                    + "WHERE id < ? ORDER BY id DESC LIMIT 1000", ps -> {
                ps.setLong(1, upper);
                return read(ps.executeQuery());
            });
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
        java.util.Collections.reverse(recent);
        return new FeedFollower(this, newest, recent, from, gapLifetime, clock);
    }

    @Transactional(readOnly = true)
    public List<Change> after(long afterId, int limit) {
        return jdbc.prepareStatement("SELECT id, entity_kind, entity_id, changed_at FROM change_feed "
                + "WHERE id > ? ORDER BY id LIMIT ?", ps -> {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            return read(ps.executeQuery());
        });
    }

    private static List<Change> read(ResultSet resultSet) throws SQLException {
        try (var rs = resultSet) {
            List<Change> changes = new ArrayList<>();
            while (rs.next()) {
                changes.add(new Change(rs.getLong(1), EntityKind.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()));
            }
            return changes;
        }
    }

    /** The newest changes, newest first. */
    @Transactional(readOnly = true)
    public List<Change> latest(int limit) {
        return jdbc.prepareStatement("SELECT id, entity_kind, entity_id, changed_at FROM change_feed "
                + "ORDER BY id DESC LIMIT ?", ps -> {
            ps.setInt(1, limit);
            return read(ps.executeQuery());
        });
    }

    /**
     * Where the feed stands, cheaply (a primary-key range of at most {@value #RECENT} rows): the
     * newest id, how many rows lie within {@value #RECENT} ids of it (which changes when a
     * transaction holding a lower id commits late), and the newest time among them.
     */
    @Transactional(readOnly = true)
    public FeedPosition position() {
        return jdbc.prepareStatement("SELECT COALESCE(MAX(id), 0), COUNT(*), MAX(changed_at) FROM change_feed "
                + "WHERE id > (SELECT COALESCE(MAX(id), 0) FROM change_feed) - " + RECENT, ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                Timestamp newest = rs.getTimestamp(3);
                return new FeedPosition(rs.getLong(1), rs.getLong(2), newest == null ? null : newest.toInstant());
            }
        });
    }

    /** The position of a point in time: the changes after the returned id are those made after {@code time}. */
    @Transactional(readOnly = true)
    public long positionAt(Instant time) {
        return jdbc.prepareStatement("SELECT COALESCE(MIN(id), (SELECT COALESCE(MAX(id), 0) + 1 FROM change_feed)) - 1 "
                + "FROM change_feed WHERE changed_at > ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(time));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Transactional(readOnly = true)
    public long lastId() {
        return jdbc.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM change_feed", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
