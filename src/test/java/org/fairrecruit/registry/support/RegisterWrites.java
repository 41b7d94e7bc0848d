package org.fairrecruit.registry.support;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.changefeed.EntityKind;

import java.sql.Connection;

/**
 * Changes to register rows for tests, committed with their change feed row the way the
 * capabilities' services write them.
 */
@Singleton
public class RegisterWrites {
    private final JdbcOperations jdbc;
    private final ChangeFeed feed;
    private final TransactionOperations<Connection> tx;

    RegisterWrites(JdbcOperations jdbc, ChangeFeed feed, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.tx = tx;
    }

    public void write(EntityKind kind, long id, String... statements) {
        tx.executeWrite(status -> {
            for (String sql : statements) {
                jdbc.prepareStatement(sql, ps -> ps.executeUpdate());
            }
            feed.record(kind, id);
            return null;
        });
    }

    /** A change that no service makes, such as time passing. */
    public void execute(String sql) {
        tx.executeWrite(status -> jdbc.prepareStatement(sql, ps -> ps.executeUpdate()));
    }

    public long count(String sql) {
        return tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
