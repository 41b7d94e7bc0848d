package org.fairrecruit.registry.notification;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Delivery pacing: retries back off exponentially from firstRetryDelay up to maxRetryDelay. */
@ConfigurationProperties("registry.outbox")
record OutboxSettings(Duration pollInterval, int batchSize, int maxAttempts, Duration firstRetryDelay,
                      Duration maxRetryDelay) {

    Duration delayAfter(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration delay = firstRetryDelay.multipliedBy(factor);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
