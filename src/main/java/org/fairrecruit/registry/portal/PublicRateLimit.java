package org.fairrecruit.registry.portal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-client token buckets on the public pages and API (bucket4j), answering 429 with Retry-After
 * (problem+json, or the error page for browsers). In-process and per replica: N replicas allow N
 * times the rate, which is acceptable for a first line of defence; the ingress limits globally.
 */
@ServerFilter({"/api/v1/public/**", "/agencies/**", "/verify/**", "/search", "/blacklist"})
class PublicRateLimit {
    // Clients seen recently; the least recently seen is forgotten first, so memory stays bounded.
    private static final int CLIENTS = 50_000;
    private final long perMinute;
    private final String clientHeader;
    private final ErrorResponseProcessor<?> errors;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > CLIENTS;
        }
    });

    PublicRateLimit(@Property(name = "registry.public-rate-limit.requests-per-minute") long perMinute,
                    @Property(name = "registry.public-rate-limit.client-header") String clientHeader,
                    ErrorResponseProcessor<?> errors) {
        this.perMinute = perMinute;
        this.clientHeader = clientHeader;
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        ConsumptionProbe probe = buckets.computeIfAbsent(client(request), key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return errors.processResponse(ErrorContext.builder(request).build(), HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS))
                .header("Retry-After", Long.toString(retryAfter));
    }

    /** Behind a proxy, the last X-Forwarded-For entry is the one the proxy itself added: not forgeable. */
    private String client(HttpRequest<?> request) {
        if (!clientHeader.isBlank()) {
            String forwarded = request.getHeaders().get(clientHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            }
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
