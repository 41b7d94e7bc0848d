package org.fairrecruit.registry.notification;

import org.fairrecruit.registry.database.Column;
import org.fairrecruit.registry.database.Sql;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private final Sql sql;
    private final SmtpMailer mailer;
    private final OutboxSettings settings;
    private final Clock clock;

    OutboxWorker(Sql sql, SmtpMailer mailer, OutboxSettings settings, Clock clock) {
        this.sql = sql;
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
        List<OutboxMessage> due = sql.list(Outbox.SELECT
                + " WHERE status = 'PENDING' AND channel = ? AND next_attempt_at <= ?"
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED", Outbox::read, Outbox.EMAIL, now, settings.batchSize());
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
            sql.update("UPDATE outbox_message SET status = 'SENT', attempts = attempts + 1, "
                    + "sent_at = ?, last_error = NULL WHERE id = ?", now, message.id());
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
        sql.update("UPDATE outbox_message SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                park ? OutboxStatus.PARKED : OutboxStatus.PENDING, attempts, now.plus(settings.delayAfter(attempts)),
                abbreviate(String.valueOf(cause.getMessage())), message.id());
    }

    private static String abbreviate(String text) {
        return Column.DELIVERY_ERROR.fit(text);
    }
}
