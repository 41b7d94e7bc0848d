package org.fairrecruit.registry.notification;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * registry.webhooks.*: {@code retryDelays} is the wait before each retry (the default spans about
 * three days, as Standard Webhooks senders do), each varied by ±{@code jitter} so that receivers
 * coming back from an outage are not hit by every sender at once; a receiver's Retry-After is
 * honoured up to {@code maxRetryAfter}. {@code allowLoopback} lets tests and the embedded default
 * deliver to 127.0.0.1; private and link-local addresses are refused always.
 */
@ConfigurationProperties("registry.webhooks")
record WebhookSettings(boolean allowLoopback, List<Duration> retryDelays, double jitter, Duration maxRetryAfter,
                       Duration timeout, Duration pollInterval, int batchSize) {
}
