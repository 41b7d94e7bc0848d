package org.fairrecruit.registry.notification;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.audit.AuditEvent;
import org.fairrecruit.registry.audit.AuditLog;
import org.fairrecruit.registry.kernel.RegistryException;
import org.fairrecruit.registry.kernel.ListPage;
import org.fairrecruit.registry.kernel.ListQuery;
import org.fairrecruit.registry.kernel.ListSpec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Outbox(JdbcOperations jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * {@code key} identifies the message for good (e.g. "licence-granted-42"): queuing the same key
     * twice keeps one message, and it becomes the Message-ID receivers use to drop duplicates.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueEmail(String recipient, String key, ComposedMail mail) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.prepareStatement("""
                INSERT INTO outbox_message (message_key, channel, recipient, subject, body_text, body_html, status,
                    attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                ON DUPLICATE KEY UPDATE message_key = message_key""", ps -> {
            ps.setString(1, key);
            ps.setString(2, EMAIL);
            ps.setString(3, recipient);
            ps.setString(4, mail.subject());
            ps.setString(5, mail.text());
            ps.setString(6, mail.html());
            ps.setTimestamp(7, now);
            ps.setTimestamp(8, now);
            return ps.executeUpdate();
        });
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> recent(OutboxStatus status, int limit) {
        String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
        return jdbc.prepareStatement(SELECT + where + " ORDER BY id DESC LIMIT " + Math.min(limit, 500),
                ps -> readAll(ps.executeQuery()));
    }

    /** The outbox page: newest first, optionally one status; paged like every staff list. */
    public static final ListSpec LIST = ListSpec.at("/admin/outbox").sort("created", "id").sort("recipient", "recipient")
            .by("created", true).tiebreak("id").filters("status").withoutExport().build();

    @Transactional(readOnly = true)
    public ListPage<OutboxMessage> list(ListQuery query) {
        OutboxStatus status = query.choice("status", OutboxStatus.class);
        String where = status == null ? "" : " WHERE status = '" + status.name() + "'";
        long total = jdbc.prepareStatement("SELECT COUNT(*) FROM outbox_message" + where, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return query.page(jdbc.prepareStatement(SELECT + where + query.orderBy() + query.limit(),
                ps -> readAll(ps.executeQuery())), total);
    }

    /** A parked message goes back to the queue with a fresh set of attempts. */
    @Transactional
    public void retry(String actor, long id) {
        int changed = jdbc.prepareStatement("""
                UPDATE outbox_message SET status = 'PENDING', attempts = 0, next_attempt_at = ?
                WHERE id = ? AND status = 'PARKED'""", ps -> {
            ps.setTimestamp(1, Timestamp.from(Instant.now(clock)));
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
        if (changed == 0) {
            throw new RegistryException.Conflict("outbox.notParked", id);
        }
        audit.record(AuditEvent.of(actor, "outbox.retried", "outbox_message", id), null, null);
    }

    static List<OutboxMessage> readAll(ResultSet rs) throws SQLException {
        try (rs) {
            List<OutboxMessage> messages = new ArrayList<>();
            while (rs.next()) {
                messages.add(new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), OutboxStatus.valueOf(rs.getString(8)),
                        rs.getInt(9), instant(rs.getTimestamp(10)), rs.getString(11), instant(rs.getTimestamp(12)),
                        instant(rs.getTimestamp(13))));
            }
            return messages;
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
