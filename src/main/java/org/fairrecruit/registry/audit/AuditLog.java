package org.fairrecruit.registry.audit;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the audit trail. Always joins the caller's transaction, so the entry exists exactly when
 * the change it describes does. The entry is written unchained and locks nothing shared: writers never
 * wait for each other here; {@link AuditChainer} links it into the hash chain once it is committed.
 */
@Singleton
public class AuditLog {
    private final Sql sql;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(Sql sql, JsonMapper json, Clock clock) {
        this.sql = sql;
        this.json = json;
        this.clock = clock;
    }

    /** {@code before} and {@code after} are serialisable snapshots of the entity (or null). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent event, Object before, Object after) {
        sql.update("""
                INSERT INTO audit_entry (occurred_at, actor, action, entity_type, entity_id, reason, before_state, after_state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS), event.actor(), event.action(), event.entityType(),
                event.entityId(), event.reason(), toJson(before), toJson(after));
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
}
