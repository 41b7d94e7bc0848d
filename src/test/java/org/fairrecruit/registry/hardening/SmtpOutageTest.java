package org.fairrecruit.registry.hardening;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.fairrecruit.registry.notification.ComposedMail;
import org.fairrecruit.registry.notification.Outbox;
import org.fairrecruit.registry.support.TestSmtp;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SMTP server down while mail keeps being queued: nothing is lost, nothing is sent twice, and
 * everything is delivered soon after the server is back. The outage lasts 10 s by default and as
 * long as {@code -Dregistry.faults.smtp-outage=PT10M} says in the long run (TARGETS.md: 10 minutes).
 */
@MicronautTest(transactional = false)
class SmtpOutageTest {
    private static final int MESSAGES = 200;

    @Inject Outbox outbox;
    @Inject TransactionOperations<Connection> tx;

    @Test
    void mail_queued_during_an_smtp_outage_is_all_delivered_once_after_it() throws Exception {
        Duration outage = Duration.parse(System.getProperty("registry.faults.smtp-outage", "PT10S"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        long outageEnds = System.nanoTime() + outage.toNanos();
        int queued = 0;
        while (queued < MESSAGES || System.nanoTime() < outageEnds) {
            if (queued < MESSAGES) {
                String key = "outage-" + run + "-" + queued++;
                tx.executeWrite(status -> {
                    outbox.enqueueEmail("worker" + key + "@registry.test", key, new ComposedMail("Subject " + key, "Text", "<p>HTML</p>"));
                    return null;
                });
            }
            Thread.sleep(Math.max(1, outage.toMillis() / MESSAGES));
        }
        GreenMail smtp = TestSmtp.start();
        try {
            long recovered = System.nanoTime();
            long deadline = recovered + Duration.ofMinutes(2).toNanos();
            while (smtp.getReceivedMessages().length < MESSAGES && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - recovered) / 1e9;
            Thread.sleep(2_000);
            Set<String> ids = new HashSet<>();
            int received = 0;
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (messageId(message).contains("outage-" + run)) {
                    received++;
                    ids.add(messageId(message));
                }
            }
            AttackLedger.figures("smtp-outage", Map.of("faults.injected", "SMTP server down " + outage,
                    "queued", MESSAGES, "delivered", ids.size(), "duplicates", received - ids.size(),
                    "lost", MESSAGES - ids.size(), "secondsToDeliverAllAfterRecovery", String.format("%.1f", seconds)));
            assertEquals(MESSAGES, ids.size(), "every queued message delivered");
            assertEquals(MESSAGES, received, "none twice");
            assertTrue(seconds < 120, "delivered within 2 minutes of recovery");
        } finally {
            smtp.stop();
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
