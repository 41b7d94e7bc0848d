package org.fairrecruit.registry.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Webhook endpoints and their messages. A message is queued in the caller's transaction, as an
 * e-mail is, and {@link WebhookWorker} delivers it after commit, signed per Standard Webhooks.
 */
@Singleton
public class Webhooks {
    static final String CHANNEL = "WEBHOOK";
    private final Sql sql;
    private final WebhookAddresses addresses;
    private final Clock clock;

    Webhooks(Sql sql, WebhookAddresses addresses, Clock clock) {
        this.sql = sql;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** A new endpoint; its secret is in the answer and must be shown to the subscriber once. */
    public record Endpoint(long id, String secret) {
    }

    /** One delivery and each attempt at it; {@code event} is the event type. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable
    public record Delivery(String webhookId, String event, String status, int attempts, @Nullable Instant nextAttemptAt,
                           @Nullable Instant deliveredAt, Instant createdAt, List<Attempt> log) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    @Serdeable
    public record Attempt(Instant at, @Nullable Integer statusCode, @Nullable String error) {
    }

    /** Refuses, as field {@code field}, a URL the registry must not call. */
    public void check(String field, String url) {
        addresses.refusal(url).ifPresent(key -> {
            throw new InvalidInput(List.of(new InvalidInput.FieldError(field, key)));
        });
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Endpoint register(String url) {
        check("webhookUrl", url);
        String secret = WebhookSignature.newSecret();
        long id = sql.insert("INSERT INTO webhook_endpoint (url, secret, created_at) VALUES (?, ?, ?)", url.strip(),
                secret, Instant.now(clock));
        return new Endpoint(id, secret);
    }

    /** {@code key} is the webhook-id: the same key twice keeps one message. {@code body} is JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(long endpointId, String key, String event, String body) {
        Instant now = Instant.now(clock);
        sql.update("""
                INSERT INTO outbox_message (message_key, channel, recipient, subject, body_text, status, attempts,
                    next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                ON DUPLICATE KEY UPDATE message_key = message_key""", key, CHANNEL, Long.toString(endpointId), event,
                body, now, now);
    }

    /** Where an endpoint points and whether a 410 answer has disabled it. */
    public record EndpointInfo(String url, boolean disabled) {
    }

    @Transactional(readOnly = true)
    public Optional<EndpointInfo> endpoint(long endpointId) {
        return sql.one("SELECT url, disabled_at FROM webhook_endpoint WHERE id = ?",
                rs -> new EndpointInfo(rs.getString(1), rs.getTimestamp(2) != null), endpointId);
    }

    /** The newest deliveries to an endpoint, each with its attempts. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(long endpointId, int limit) {
        record Row(long id, Delivery delivery) {
        }
        List<Row> rows = sql.list("SELECT id, message_key, subject, status, attempts, next_attempt_at, sent_at, created_at "
                + "FROM outbox_message WHERE channel = ? AND recipient = ? ORDER BY id DESC LIMIT ?",
                rs -> new Row(rs.getLong("id"), new Delivery(rs.getString("message_key"), rs.getString("subject"),
                        rs.getString("status"), rs.getInt("attempts"), OutboxStatus.PENDING.name().equals(rs.getString("status"))
                        ? Sql.instant(rs, "next_attempt_at") : null, Sql.instant(rs, "sent_at"),
                        Sql.instant(rs, "created_at"), List.of())), CHANNEL, Long.toString(endpointId), limit);
        return rows.stream().map(r -> new Delivery(r.delivery().webhookId(), r.delivery().event(), r.delivery().status(),
                r.delivery().attempts(), r.delivery().nextAttemptAt(), r.delivery().deliveredAt(), r.delivery().createdAt(),
                attempts(r.id()))).collect(Collectors.toList());
    }

    private List<Attempt> attempts(long messageId) {
        return sql.list("SELECT attempted_at, status_code, error FROM webhook_attempt WHERE message_id = ? ORDER BY id",
                rs -> new Attempt(Sql.instant(rs, "attempted_at"), Sql.nullableInt(rs, "status_code"), rs.getString(3)),
                messageId);
    }
}
