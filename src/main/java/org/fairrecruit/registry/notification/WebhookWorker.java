package org.fairrecruit.registry.notification;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers due webhook messages, claimed with FOR UPDATE SKIP LOCKED and kept locked until the
 * outcome is committed, so any number of replicas send each message once. A 2xx answer delivers;
 * 410 Gone disables the endpoint for good; anything else (or no answer) is retried after the next
 * delay of the schedule, or after the receiver's Retry-After, until the schedule is used up.
 * Redirects are not followed: a redirect could lead to an address the guard would refuse.
 */
@Singleton
public class WebhookWorker {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    private final Sql sql;
    private final WebhookAddresses addresses;
    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient http;

    WebhookWorker(Sql sql, WebhookAddresses addresses, WebhookSettings settings, Clock clock) {
        this.sql = sql;
        this.addresses = addresses;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record Due(long id, String key, long endpointId, String event, String body, int attempts) {
    }

    private record Endpoint(String url, String secret, boolean disabled) {
    }

    private record Outcome(Integer status, String error, Optional<Duration> retryAfter) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Scheduled(fixedDelay = "${registry.webhooks.poll-interval}", initialDelay = "${registry.webhooks.poll-interval}")
    void poll() {
        try {
            while (deliverDue() == settings.batchSize()) {
                LOG.debug("full webhook batch delivered, continuing");
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook delivery round failed: {}", e.toString());
        }
    }

    /** Claims and delivers one batch; returns how many messages it claimed. */
    // READ COMMITTED: no gap locks on the queue's index, which two workers marking rows done would
    // otherwise take in opposite orders (deadlock); SKIP LOCKED keeps the claim exact.
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int deliverDue() {
        Instant now = Instant.now(clock);
        List<Due> due = sql.list("SELECT id, message_key, recipient, subject, body_text, attempts FROM outbox_message "
                + "WHERE status = 'PENDING' AND channel = ? AND next_attempt_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> new Due(rs.getLong(1), rs.getString(2), Long.parseLong(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getInt(6)), Webhooks.CHANNEL, now, settings.batchSize());
        Map<Long, Endpoint> endpoints = new HashMap<>();
        for (Due message : due) {
            Endpoint endpoint = endpoints.computeIfAbsent(message.endpointId(), this::endpoint);
            if (endpoint.disabled()) {
                finish(message, OutboxStatus.PARKED, now, "endpoint disabled");
                continue;
            }
            Outcome outcome = addresses.refusal(endpoint.url())
                    .map(refused -> new Outcome(null, "address refused: " + refused, Optional.empty()))
                    .orElseGet(() -> send(endpoint, message, now));
            sql.insert("INSERT INTO webhook_attempt (message_id, attempted_at, status_code, error) VALUES (?, ?, ?, ?)",
                    message.id(), now, outcome.status(), outcome.error());
            if (outcome.delivered()) {
                finish(message, OutboxStatus.SENT, now, null);
            } else if (outcome.status() != null && outcome.status() == 410) {
                sql.update("UPDATE webhook_endpoint SET disabled_at = ?, disabled_reason = ? WHERE id = ?", now,
                        "410 Gone", message.endpointId());
                endpoints.put(message.endpointId(), new Endpoint(endpoint.url(), endpoint.secret(), true));
                finish(message, OutboxStatus.PARKED, now, "410 Gone: endpoint disabled");
            } else {
                retryOrPark(message, now, outcome);
            }
        }
        return due.size();
    }

    private Endpoint endpoint(long id) {
        return sql.one("SELECT url, secret, disabled_at FROM webhook_endpoint WHERE id = ?",
                rs -> new Endpoint(rs.getString(1), rs.getString(2), rs.getTimestamp(3) != null), id)
                .orElse(new Endpoint("", "", true));
    }

    private Outcome send(Endpoint endpoint, Due message, Instant now) {
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "recruitment-agency-registry-webhooks")
                .header("webhook-id", message.key())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(endpoint.secret(), message.key(), timestamp, message.body()))
                .POST(HttpRequest.BodyPublishers.ofString(message.body()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null,
                    response.headers().firstValue("Retry-After").flatMap(value -> retryAfter(value, now)));
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(null, abbreviate(e.getClass().getSimpleName() + ": " + e.getMessage()), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", Optional.empty());
        }
    }

    private void retryOrPark(Due message, Instant now, Outcome outcome) {
        int attempts = message.attempts() + 1;
        String error = outcome.status() != null ? "HTTP " + outcome.status() : outcome.error();
        List<Duration> delays = settings.retryDelays();
        if (attempts > delays.size()) {
            LOG.info("webhook {} parked after {} attempts", message.id(), attempts);
            finish(message, OutboxStatus.PARKED, now, error);
            return;
        }
        Duration delay = jittered(delays.get(attempts - 1));
        Duration asked = outcome.retryAfter().map(d -> d.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : d)
                .orElse(Duration.ZERO);
        Duration wait = asked.compareTo(delay) > 0 ? asked : delay;
        sql.update("UPDATE outbox_message SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                attempts, now.plus(wait), error, message.id());
    }

    private void finish(Due message, OutboxStatus status, Instant now, String error) {
        sql.update("UPDATE outbox_message SET status = ?, attempts = attempts + 1, sent_at = ?, last_error = ? WHERE id = ?",
                status, status == OutboxStatus.SENT ? now : null, error, message.id());
    }

    private Duration jittered(Duration delay) {
        double factor = 1 + settings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(delay.toMillis() * factor)));
    }

    /** Retry-After is either seconds or an HTTP date. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        String text = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
