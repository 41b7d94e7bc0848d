package org.fairrecruit.registry.notification;

import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.RegistryException;
import org.fairrecruit.registry.kernel.ListPage;
import org.fairrecruit.registry.kernel.ListQuery;
import org.fairrecruit.registry.kernel.ListSpec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The only way anything leaves the registry. Messages are written in the caller's transaction;
 * {@link OutboxWorker} delivers them after commit.
 */
@Singleton
public class Outbox {
    static final String EMAIL = "EMAIL";
    static final String SELECT = """
            SELECT id, message_key, channel, recipient, subject, body_text, body_html, status, attempts,
                   next_attempt_at, last_error, created_at, sent_at FROM outbox_message""";

    private final Sql sql;
    private final AuditLog audit;
    private final Clock clock;

    Outbox(Sql sql, AuditLog audit, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * {@code key} identifies the message for good (e.g. "licence-granted-42"): queuing the same key
     * twice keeps one message, and it becomes the Message-ID receivers use to drop duplicates.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueEmail(String recipient, String key, ComposedMail mail) {
        Instant now = Instant.now(clock);
        sql.update("""
                INSERT INTO outbox_message (message_key, channel, recipient, subject, body_text, body_html, status,
                    attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                ON DUPLICATE KEY UPDATE message_key = message_key""",
                key, EMAIL, recipient, mail.subject(), mail.text(), mail.html(), now, now);
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> recent(OutboxStatus status, int limit) {
        String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
        return sql.list(SELECT + where + " ORDER BY id DESC LIMIT " + Math.min(limit, 500), Outbox::read);
    }

    /** The outbox page: newest first, optionally one status; paged like every staff list. */
    public static final ListSpec LIST = ListSpec.at("/admin/outbox").sort("created", "id").sort("recipient", "recipient")
            .by("created", true).tiebreak("id").filters("status").withoutExport().build();

    @Transactional(readOnly = true)
    public ListPage<OutboxMessage> list(ListQuery query) {
        OutboxStatus status = query.choice("status", OutboxStatus.class);
        String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
        long total = sql.count("SELECT COUNT(*) FROM outbox_message" + where);
        return query.page(sql.list(SELECT + where + query.orderBy() + query.limit(), Outbox::read), total);
    }

    /** A parked message goes back to the queue with a fresh set of attempts. */
    @Transactional
    public void retry(String actor, long id) {
        int changed = sql.update("""
                UPDATE outbox_message SET status = 'PENDING', attempts = 0, next_attempt_at = ?
                WHERE id = ? AND status = 'PARKED'""", Instant.now(clock), id);
        if (changed == 0) {
            throw new RegistryException.Conflict("outbox.notParked", id);
        }
        audit.record(AuditEvent.of(actor, "outbox.retried", "outbox_message", id), null, null);
    }

    static OutboxMessage read(ResultSet rs) throws SQLException {
        return new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), OutboxStatus.valueOf(rs.getString(8)), rs.getInt(9),
                Sql.instant(rs, "next_attempt_at"), rs.getString(11), Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at"));
    }
}
