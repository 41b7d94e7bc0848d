package org.fairrecruit.registry.notification;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record OutboxMessage(long id, String messageKey, String channel, String recipient, String subject,
                            String bodyText, String bodyHtml, OutboxStatus status, int attempts,
                            Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
