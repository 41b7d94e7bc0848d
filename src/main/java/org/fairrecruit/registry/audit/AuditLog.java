package org.fairrecruit.registry.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the hash-chained audit trail. Always joins the caller's transaction, so the entry
 * exists exactly when the change it describes does.
 */
@Singleton
public class AuditLog {
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcOperations jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** {@code before} and {@code after} are serialisable snapshots of the entity (or null). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent event, Object before, Object after) {
        Head head = lockHead();
        AuditEntry entry = new AuditEntry(
                head.lastSeq() + 1,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                event.actor(), event.action(), event.entityType(), event.entityId(), event.reason(),
                toJson(before), toJson(after), head.lastHash(), null).sealed();
        jdbc.prepareStatement("""
                INSERT INTO audit_entry (seq, occurred_at, actor, action, entity_type, entity_id, reason,
                    before_state, after_state, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)""", ps -> {
            ps.setLong(1, entry.seq());
            ps.setTimestamp(2, Timestamp.from(entry.occurredAt()));
            ps.setString(3, entry.actor());
            ps.setString(4, entry.action());
            ps.setString(5, entry.entityType());
            ps.setString(6, entry.entityId());
            ps.setString(7, entry.reason());
            ps.setString(8, entry.beforeState());
            ps.setString(9, entry.afterState());
            ps.setString(10, entry.prevHash());
            ps.setString(11, entry.hash());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", ps -> {
            ps.setLong(1, entry.seq());
            ps.setString(2, entry.hash());
            return ps.executeUpdate();
        });
    }

    private Head lockHead() {
        return jdbc.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE", ps -> {
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("audit_head row is missing");
                }
                return new Head(rs.getLong(1), rs.getString(2));
            }
        });
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Head(long lastSeq, String lastHash) {
    }
}
