package org.fairrecruit.registry.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The history of a case. NOTE events are investigation notes: never shown to the hotline operator or the public. */
@Singleton
class ComplaintEvents {
    enum Kind { RECEIVED, MOVED, ASSIGNED, NOTE, FEE_ADDED, EVIDENCE_ADDED, LINKED, OUTCOME_PROPOSED, OUTCOME, REFUND, ACTION_PROPOSED }

    @Serdeable
    record Event(long id, Kind kind, @Nullable ComplaintStatus fromStatus, @Nullable ComplaintStatus toStatus,
                 @Nullable String body, @Nullable String lang, String actor, Instant occurredAt) {
    }

    private final Sql sql;
    private final Clock clock;

    ComplaintEvents(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void append(long complaintId, Kind kind, ComplaintStatus from, ComplaintStatus to, String body, String lang,
                String actor) {
        sql.insert("""
                INSERT INTO complaint_event (complaint_id, kind, from_status, to_status, body, lang, actor, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", complaintId, kind, from, to, body, lang, actor, Instant.now(clock));
    }

    List<Event> of(long complaintId, boolean withNotes) {
        return sql.list("SELECT * FROM complaint_event WHERE complaint_id = ?" + (withNotes ? "" : " AND kind <> 'NOTE'")
                + " ORDER BY id", rs -> new Event(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("body"),
                rs.getString("lang"), rs.getString("actor"), Sql.instant(rs, "occurred_at")), complaintId);
    }

    private static ComplaintStatus status(String value) {
        return value == null ? null : ComplaintStatus.valueOf(value);
    }
}
