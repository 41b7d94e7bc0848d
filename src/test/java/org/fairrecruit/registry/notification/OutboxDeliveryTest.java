package org.fairrecruit.registry.notification;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.fairrecruit.registry.support.StaffFixtures;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.fairrecruit.registry.kernel.Roles;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.fairrecruit.registry.support.TestSmtp;
import org.fairrecruit.registry.support.WebClient;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.fairrecruit.registry.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real SMTP (GreenMail) through Jakarta Mail; the scheduled worker runs as in production. */
@MicronautTest(transactional = false)
class OutboxDeliveryTest {
    @Inject Outbox outbox;
    @Inject OutboxWorker worker;
    @Inject TransactionOperations<Connection> tx;
    @Inject DatasourceConfiguration datasource;
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject JdbcOperations jdbc;
    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = TestSmtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private String enqueue(String recipient) {
        String key = "test-" + UUID.randomUUID();
        tx.executeWrite(status -> {
            outbox.enqueueEmail(recipient, key, new ComposedMail("Subject " + key, "Text " + key, "<p>HTML " + key + "</p>"));
            return null;
        });
        return key;
    }

    private List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(recipient);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Sent is final: once the row says so, no worker sends it again, so counting deliveries after it is exact. */
    private boolean sent(String key) {
        return outbox.recent(OutboxStatus.SENT, 500).stream().anyMatch(m -> m.messageKey().equals(key));
    }

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void queued_message_is_delivered_exactly_once_with_its_stable_message_id() throws Exception {
        String key = enqueue("once@registry.test");

        eventually("the message marked sent", PATIENCE, () -> sent(key));

        List<MimeMessage> received = receivedBy("once@registry.test");
        assertEquals(1, received.size());
        assertEquals("<" + key + "@registry.test>", received.get(0).getMessageID());
        assertEquals("Subject " + key, received.get(0).getSubject());
    }

    @Test
    void message_survives_an_smtp_outage_and_is_delivered_after_it() throws Exception {
        smtp.stop();
        String key = enqueue("outage@registry.test");
        eventually("a failed attempt", PATIENCE, () -> outbox.recent(OutboxStatus.PENDING, 500).stream()
                .anyMatch(m -> m.messageKey().equals(key) && m.attempts() >= 4 && m.lastError() != null));

        smtp = TestSmtp.start();

        eventually("the message marked sent after recovery", PATIENCE, () -> sent(key));
        assertEquals(1, receivedBy("outage@registry.test").size());
        assertTrue(outbox.recent(OutboxStatus.PARKED, 500).stream().noneMatch(m -> m.messageKey().equals(key)),
                "an unreachable server must not park messages");
    }

    @Test
    void two_workers_on_one_database_never_send_the_same_message_twice() throws Exception {
        int count = 60;
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(enqueue("pair@registry.test"));
        }
        // A second replica: its own application context, pool and worker, on the same database.
        try (ApplicationContext replica = ApplicationContext.run(Map.of(
                "datasources.default.url", datasource.getJdbcUrl(),
                "datasources.default.username", datasource.getUsername(),
                "datasources.default.password", datasource.getPassword() == null ? "" : datasource.getPassword(),
                "micronaut.server.port", -1), "test")) {
            OutboxWorker other = replica.getBean(OutboxWorker.class);
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(worker));
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(other));
            CompletableFuture.allOf(a, b).join();
        }
        eventually("all marked sent", PATIENCE, () -> keys.stream().allMatch(this::sent));

        List<MimeMessage> received = receivedBy("pair@registry.test");
        Set<String> ids = received.stream().map(m -> {
            try {
                return m.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
        assertEquals(count, received.size());
        assertEquals(count, ids.size());
    }

    private static void drain(OutboxWorker worker) {
        for (int round = 0; round < 50; round++) {
            worker.deliverDue();
        }
    }

    @Test
    void staff_account_mail_is_rendered_as_text_and_html_and_delivered() throws Exception {
        String username = staff.userWithRole(Roles.AUDITOR);
        String address = username + "@registry.test";

        eventually("welcome mail", PATIENCE, () -> receivedBy(address).size() == 1);

        MimeMessage mail = receivedBy(address).get(0);
        assertEquals("Your registry staff account", mail.getSubject());
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertTrue(raw.contains("text/plain") && raw.contains("text/html"), raw);
        assertTrue(raw.contains(username));
    }

    @Test
    void parked_message_goes_out_after_an_admin_retries_it_from_the_outbox_page() throws Exception {
        smtp.stop();
        String key = enqueue("parked@registry.test");
        tx.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE outbox_message SET status = 'PARKED', attempts = 8 WHERE message_key = ?", ps -> {
                    ps.setString(1, key);
                    return ps.executeUpdate();
                }));
        smtp = TestSmtp.start();
        worker.deliverDue();
        assertTrue(receivedBy("parked@registry.test").isEmpty(), "a parked message waits for a person");
        long id = outbox.recent(OutboxStatus.PARKED, 500).stream().filter(m -> m.messageKey().equals(key))
                .findFirst().orElseThrow().id();
        var admin = new WebClient(server.getURI())
                .signIn(staff.userWithRole(Roles.ADMIN),
                        StaffFixtures.PASSWORD);
        assertTrue(admin.getHtml("/admin/outbox?status=PARKED").body().contains("Subject " + key));

        assertEquals(303, admin.postForm("/admin/outbox/" + id + "/retry", Map.of()).statusCode());

        eventually("the message marked sent after the retry", PATIENCE, () -> sent(key));
        assertEquals(1, receivedBy("parked@registry.test").size());
    }
}
