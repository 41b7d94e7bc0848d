package org.fairrecruit.registry.changefeed;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replicas following the feed miss nothing, however far behind a later commit a transaction commits. */
@MicronautTest(transactional = false)
// This context's own name index would look up every one of the 100,000 fake agencies; keep it still.
@Property(name = "registry.matching.follow-interval", value = "1h")
class FeedFollowerTest {
    private static final int IMPORT_ROWS = 100_000;

    @Inject ChangeFeed feed;
    @Inject DataSource dataSource;

    @Test
    void a_large_import_committing_after_a_later_id_reaches_every_replica_in_full() throws SQLException {
        FeedFollower replicaA = feed.follower();
        FeedFollower replicaB = feed.follower();
        Set<Long> indexA = new HashSet<>();
        Set<Long> indexB = new HashSet<>();
        Set<Long> indexC = new HashSet<>();

        try (Connection importing = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Connection editing = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            importing.setAutoCommit(false);
            insert(importing, 1_000_000, IMPORT_ROWS);
            editing.setAutoCommit(true);
            insert(editing, 5_000_000, 1);

            replicaA.poll(change -> indexA.add(change.entityId()));
            replicaB.poll(change -> indexB.add(change.entityId()));
            // A replica starting now, while the import is still open, must not skip it either.
            FeedFollower replicaC = feed.follower();
            replicaC.poll(change -> indexC.add(change.entityId()));
            assertEquals(Set.of(5_000_000L), indexA);
            assertTrue(replicaA.pendingIds() >= IMPORT_ROWS, "the import's ids are remembered: " + replicaA.pendingIds());

            importing.commit();

            long started = System.nanoTime();
            replicaA.poll(change -> indexA.add(change.entityId()));
            System.out.printf("replica caught up with %d rows in %d ms%n", IMPORT_ROWS, (System.nanoTime() - started) / 1_000_000);
            replicaB.poll(change -> indexB.add(change.entityId()));
            replicaC.poll(change -> indexC.add(change.entityId()));
            for (Set<Long> index : List.of(indexA, indexB)) {
                assertEquals(IMPORT_ROWS + 1, index.size());
                assertTrue(index.contains(1_000_000L) && index.contains(1_000_000L + IMPORT_ROWS - 1));
            }
            assertEquals(IMPORT_ROWS, indexC.stream().filter(id -> id < 5_000_000L).count());
            assertEquals(0, replicaA.pendingIds());
        }
    }

    @Test
    void a_rolled_back_id_is_forgotten_once_no_transaction_can_hold_it() throws SQLException, InterruptedException {
        long newest = feed.lastId();
        FeedFollower follower = new FeedFollower(feed, newest, List.of(), newest + 1, java.time.Duration.ofMillis(500),
                java.time.Clock.systemUTC());
        try (Connection rolledBack = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Connection editing = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            rolledBack.setAutoCommit(false);
            insert(rolledBack, 7_000_000, 3);
            insert(editing, 7_100_000, 1);
            rolledBack.rollback();
        }
        Set<Long> seen = new HashSet<>();
        follower.poll(change -> seen.add(change.entityId()));
        assertEquals(Set.of(7_100_000L), seen);
        assertEquals(3, follower.pendingIds(), "within the gap lifetime the ids are still asked for");
        Thread.sleep(700);
        follower.poll(change -> seen.add(change.entityId()));
        assertEquals(0, follower.pendingIds());
    }

    private static void insert(Connection connection, long firstEntity, int rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO change_feed (entity_kind, entity_id, changed_at) VALUES ('AGENCY', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < rows; i++) {
                ps.setLong(1, firstEntity + i);
                ps.setTimestamp(2, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
