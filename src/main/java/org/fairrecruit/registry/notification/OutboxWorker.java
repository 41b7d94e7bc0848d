package org.fairrecruit.registry.notification;

import org.fairrecruit.registry.database.Column;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Delivers due messages. Rows are claimed with FOR UPDATE SKIP LOCKED and stay locked until the
 * outcome is committed, so any number of replicas can run this without sending a message twice.
 * An unreachable server is a transient failure and is retried until it comes back; a message the
 * server refuses counts towards parking.
 */
@Singleton
public class OutboxWorker {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private final JdbcOperations jdbc;
    private final SmtpMailer mailer;
    private final OutboxSettings settings;
    private final Clock clock;

    OutboxWorker(JdbcOperations jdbc, SmtpMailer mailer, OutboxSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${registry.outbox.poll-interval}", initialDelay = "${registry.outbox.poll-interval}")
    void poll() {
        if (!mailer.configured()) {
            return;
        }
        try {
            while (deliverDue() == settings.batchSize()) {
                LOG.debug("full batch delivered, continuing");
            }
        } catch (RuntimeException e) {
            LOG.warn("outbox delivery round failed: {}", e.toString());
        }
    }

    /** Claims and delivers one batch; returns how many messages it claimed. */
    @Transactional
    public int deliverDue() {
        Instant now = Instant.now(clock);
        List<OutboxMessage> due = jdbc.prepareStatement(Outbox.SELECT
                + " WHERE status = 'PENDING' AND channel = ? AND next_attempt_at <= ?"
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED", ps -> {
            ps.setString(1, Outbox.EMAIL);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setInt(3, settings.batchSize());
            return Outbox.readAll(ps.executeQuery());
        });
        if (due.isEmpty()) {
            return 0;
        }
        try (Transport transport = mailer.connect()) {
            for (OutboxMessage message : due) {
                deliver(transport, message, now);
            }
        } catch (MessagingException unreachable) {
            LOG.info("SMTP server unreachable, {} messages wait: {}", due.size(), unreachable.getMessage());
            due.forEach(message -> postpone(message, now, false, unreachable));
        }
        return due.size();
    }

    private void deliver(Transport transport, OutboxMessage message, Instant now) {
        try {
            mailer.send(transport, message);
            jdbc.prepareStatement("UPDATE outbox_message SET status = 'SENT', attempts = attempts + 1, "
                    + "sent_at = ?, last_error = NULL WHERE id = ?", ps -> {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, message.id());
                return ps.executeUpdate();
            });
        } catch (SendFailedException refused) {
            postpone(message, now, true, refused);
        } catch (MessagingException e) {
            postpone(message, now, false, e);
        }
    }

    private void postpone(OutboxMessage message, Instant now, boolean counts, Exception cause) {
        int attempts = message.attempts() + 1;
        boolean park = counts && attempts >= settings.maxAttempts();
        LOG.info("outbox message {} not delivered (attempt {}{}): {}", message.id(), attempts,
                park ? ", parked" : "", cause.getMessage());
        jdbc.prepareStatement("UPDATE outbox_message SET status = ?, attempts = ?, next_attempt_at = ?, "
                + "last_error = ? WHERE id = ?", ps -> {
            ps.setString(1, park ? OutboxStatus.PARKED.name() : OutboxStatus.PENDING.name());
            ps.setInt(2, attempts);
            ps.setTimestamp(3, Timestamp.from(now.plus(settings.delayAfter(attempts))));
            ps.setString(4, abbreviate(String.valueOf(cause.getMessage())));
            ps.setLong(5, message.id());
            return ps.executeUpdate();
        });
    }

    private static String abbreviate(String text) {
        return Column.DELIVERY_ERROR.fit(text);
    }
}
